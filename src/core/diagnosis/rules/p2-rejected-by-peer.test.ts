import { DiagnosisMemo } from '../memo.ts';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText, type DiagnosisContext } from '../context.ts';
import { readLog } from '../../log/records.ts';
import { rule } from './p2-rejected-by-peer.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

// Realistic IOS 15 initiator lines (the corpus has no initiator-side refusal): QM1 sent, PROPOSAL_NOT_CHOSEN back.
const initiator = [
  '*Mar  1 00:07:00.100: ISAKMP:(1001):beginning Quick Mode exchange, M-ID of 1371333358',
  '*Mar  1 00:07:00.100: ISAKMP:(1001): sending packet to 91.0.0.101 my_port 500 peer_port 500 (I) QM_IDLE',
  '*Mar  1 00:07:00.300: ISAKMP:(1001): received packet from 91.0.0.101 dport 500 sport 500 Global (I) QM_IDLE',
  '*Mar  1 00:07:00.300: ISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
  '*Mar  1 00:07:00.300: ISAKMP:(1001):peer does not do paranoid keepalives.',
].join('\n');

const cases: { name: string; ctx: () => DiagnosisContext; severities: string[] }[] = [
  { name: "initiator's log only: the cause is in the peer's log", ctx: () => contextFromText(initiator), severities: ['error'] },
  {
    name: "both logs: joined to the responder's error 256, not reported here",
    ctx: () => ({ negotiation: null, events: [...readLog(initiator, 0).events, ...readLog(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), 1).events], configs: {}, memo: new DiagnosisMemo() }),
    severities: [],
  },
  // Realistic responder line alone: refused without a reason printed.
  { name: 'responder refusal without reason', ctx: () => contextFromText('ISAKMP:(1001): phase 2 SA policy not acceptable! (local 10.0.0.2 remote 10.0.0.1)'), severities: ['error'] },
  { name: 'corpus 18: the reason is printed', ctx: () => contextFromText(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log')), severities: [] },
  { name: 'corpus 01: success', ctx: () => contextFromText(read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log')), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(c.ctx()).map((f) => f.severity)).toEqual(c.severities);
  });
}

test("says the cause is in the peer's log, explains the red herring", () => {
  const [f] = rule.diagnose(contextFromText(initiator));
  expect(f?.summary).toContain("own log");
  expect(f?.side).toBe('responder');
  expect(f?.lines).toEqual([{ file: 0, line: 4 }]);
  expect(f?.explained?.[0]?.line).toEqual({ file: 0, line: 5 });
});
