import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { summarize } from '../../worker/page-analysis.ts';
import { outcomeTitle } from './outcome-title.ts';

/** The first badge's tooltip of a negotiation whose outcome no line of its exchanges tells, on real pastes. */
describe('the tooltip of an implied IKE SA or phase 1 badge', () => {
  const titles = (file: string) =>
    analyze([{ name: file, text: readFileSync(`fixtures/partial/${file}`, 'utf8') }])
      .negotiations.map(summarize)
      .filter((n) => n.phase1.implied === true)
      .map((n) => outcomeTitle(n.phase1.outcome, true, n.ikeVersion));
  const ikev2 = 'No IKE_SA_INIT or IKE_AUTH line is in the log; show output proves the IKE SA completed';
  const cases = [
    // show crypto ikev2 sa / session alone (course notes)
    { file: 'ikev2-show-sa-wrapped-debug-spaced-session-prefix-show-session-course-notes.log', says: ikev2 },
    // an ASA's show crypto ipsec sa of an IKEv2 VTI (Microsoft's Azure guide)
    { file: 'asa-show-ipsec-sa-detail-vti-ikev2-nat-t-encaps-azure-guide.log', says: ikev2 },
    // IKEv1: a Quick Mode proves phase 1, and the list does not tell it from show output
    { file: 'qm-only-responder-iosxe-pppoe-dialer-install-callback-mkdocs.log', says: 'No phase 1 line is in the log; the lines after it prove phase 1 completed' },
  ];
  for (const c of cases) {
    test(c.file, () => {
      const said = titles(c.file);
      expect(said.length).toBeGreaterThan(0);
      for (const title of said) expect(title).toBe(c.says);
    });
  }
});
