import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { textReport } from './text.ts';

function report(preset: string, how: 'two files' | 'initiator'): string {
  const run = runLab(labSetupOf(preset)!);
  if (!run.ok) throw new Error(run.error);
  const files = how === 'two files' ? run.files.filter((f) => f.kind === 'log') : [{ name: 'initiator', text: run.debug.initiator }];
  return textReport(analyze(files), false, null);
}

/** The arrows of the report's ladder, top to bottom: name, resend and delivery marks. */
const arrows = (text: string): string[] =>
  text.split('\n').flatMap((line) => {
    const label = /^ {4}\S+ ◄?─+([^─]+)─/.exec(line);
    return label ? [label[1]!] : [];
  });

test('the text report lists the messages in the order the ladder draws them: each NOTIFY after the MM1 it refuses', () => {
  expect(arrows(report('p1-policy-mismatch', 'two files'))).toEqual([
    'MM1', 'NOTIFY', ...[2, 3, 4, 5, 6].flatMap((n) => [`MM1 (resent #${n})`, 'NOTIFY']),
  ]);
});

test('the text report marks what the ladder marks: resends, and the last copies no answer followed', () => {
  const names = arrows(report('psk-mismatch', 'initiator'));
  expect(names.slice(0, 5)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5 (unanswered)']);
  expect(names).toContain('MM5 (resent #6) (unanswered)');
  expect(names).toContain('MM4 (resent #6)');
});

test('an input with no negotiation is answered as the page answers it: what was recognized, what is read', () => {
  // two lines of the ASA's IKEv1 debug (Cisco document 123399, https://studylib.net/doc/9552345/123399-general-ipsec-troubleshooting)
  const text = '[IKEv1 DEBUG]IP = 172.18.254.89, All SA proposals found unacceptable\n[IKEv1 DEBUG]IP = 172.18.254.89, IKE SA Proposal # 1, Transform # 1 acceptable Matches global IKE entry # 5\n';
  const a = analyze([{ name: 'asa.log', text }]);
  // IKE output was found: the report names it instead of saying no IKE negotiation was found
  expect(textReport(a, false, null, { samples: [text] }).split('\n')[1]).toMatch(/^This is an ASA's IKEv1 output, its debug lines or system messages \(2 lines such as /);
  // without the text's start, the report says no more than what it found
  expect(textReport(a, false, null).split('\n')[1]).toBe('No IKE negotiation found in this input.');
});

test('a phase 1 whose SA show output lists, no line saying how far it went, is said so, not "nothing"', () => {
  const name = 'show-isakmp-sa-detail-two-rsig-rows-dmvpn-hub-otus-lab.log';
  const text = readFileSync(new URL(`../../../fixtures/partial/${name}`, import.meta.url), 'utf8');
  const out = textReport(analyze([{ name, text }]), false, null);
  expect(out).toContain("Phase 1: not logged (no line says how far phase 1 went; show output lists its SA's algorithms)");
  expect(out).not.toContain('no line of the log says anything of phase 1');
});
