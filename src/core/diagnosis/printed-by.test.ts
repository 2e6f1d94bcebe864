import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Side } from '../ike/sides.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { DiagnosisMemo } from './memo.ts';
import { sidesOf } from './printed-by.ts';
import type { Negotiation } from '../analysis.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** The side the rules are given for the evidence on some lines of a negotiation. */
function sidesAt(n: Negotiation, lines: readonly number[]): (Side | null)[] {
  const sideOf = sidesOf({ negotiation: n, events: n.evidence, configs: {}, memo: new DiagnosisMemo() });
  return lines.map((line) => {
    const e = n.evidence.find((x) => x.at.line === line);
    if (!e) throw new Error(`no evidence on line ${line}`);
    return sideOf(e);
  });
}

test("seed: R3's output (responder) first, then R2's (initiator), each event the side of the draft it joined", () => {
  // 180 R3 checks R2's proposal; 413 R3 accepts QM1's; 633 R2 checks R3's answer; 892 R2 accepts QM2's transform.
  const [n] = analyze([{ name: 'seed', text: read('seed/ios-ikev1-main-mode-debugs.txt') }]).negotiations;
  expect(n?.role).toBe('both');
  expect(sidesAt(n!, [180, 413, 633, 892])).toEqual(['responder', 'responder', 'initiator', 'initiator']);
});

test('corpus 10: R1 (initiator) and R2 (responder) told apart by prompts, in the negotiation each line joined', () => {
  const [both, r2] = analyze([{ name: '10', text: read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log') }]).negotiations;
  // R1's phase 1 and R2's refusal of a Quick Mode proposal in one negotiation; R2's refused phase 1 apart
  expect(sidesAt(both!, [14, 22, 86])).toEqual(['initiator', 'initiator', 'responder']);
  expect(sidesAt(r2!, [48, 50])).toEqual(['responder', 'responder']);
});

test('two files: every event of the first router is the initiator\'s, of the second the responder\'s', () => {
  const run = runLab(labSetupOf('psk-mismatch')!);
  if (!run.ok) throw new Error(run.error);
  const [n] = analyze(run.files.filter((f) => f.kind === 'log')).negotiations;
  const sideOf = sidesOf({ negotiation: n!, events: n!.evidence, configs: {}, memo: new DiagnosisMemo() });
  expect(n!.evidence.length).toBeGreaterThan(10);
  for (const e of n!.evidence) expect(sideOf(e)).toBe(e.at.file === 0 ? 'initiator' : 'responder');
});

test('one router\'s log that shows no role: no side, not a guess', () => {
  // R15's syslog lines about the peer's certificate, and show crypto ipsec sa of the SA pair: no (I)/(R), no state
  // line, no ISAKMP SA row (corpus 23's hub lists its row, src the hub: that one shows the hub began the SA)
  const [n] = analyze([{ name: 'otus', text: read('partial/cert-addr-mismatch-syslog-in-traceroute-ipsec-sa-esp-null-otus-lab.log') }]).negotiations;
  const ctx = { negotiation: n!, events: n!.evidence, configs: {}, memo: new DiagnosisMemo() };
  expect(ctx.negotiation?.role).toBe('unknown');
  expect(ctx.events.length).toBeGreaterThan(0);
  expect(ctx.events.map(sidesOf(ctx))).toEqual(ctx.events.map(() => null));
});
