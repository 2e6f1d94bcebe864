import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** Real lines of every kind the rules read, to shuffle, cut and mix with noise. */
const pool = [
  ...read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log').split('\n'),
  ...read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log').split('\n'),
  ...read('corpus/02-no-psk-configured-initiator-iosxe.log').split('\n'),
  ...read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log').split('\n'),
  'ISAKMP (0:1): retransmitting phase 1 MM_KEY_EXCH...',
  'ISAKMP:(0):phase 1 packet is a duplicate of a previous packet.',
  'ISAKMP:(0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer 10.0.0.2)',
  'ISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
  '%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.0.0.1 failed its sanity check or is malformed',
];

test('any mix of real lines and noise, through analyze(): no exception, every finding well formed', () => {
  const line = fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 60 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
      for (const f of analyze([{ name: 'mix', text: lines.join('\n') }]).negotiations.flatMap((n) => n.findings)) {
        expect(f.summary.length).toBeGreaterThan(0);
        expect(f.fix.length).toBeGreaterThan(0);
        for (const l of f.lines) expect(l.line).toBeGreaterThanOrEqual(1);
      }
    }),
    { numRuns: 300 },
  );
});
