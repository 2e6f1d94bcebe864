import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const negotiationsOf = (path: string) => analyze([{ name: path, text: read(path) }]).negotiations;

test("corpus 06: the harmless line after the peer's DELETE is kept, and the finding explains it", () => {
  const [n] = negotiationsOf('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');
  // 155: "peer does not do paranoid keepalives." printed as the SA the peer deleted (154) is torn down
  expect(n?.evidence.some((e) => e.at.line === 155 && e.type === 'info')).toBe(true);
  const deleted = n?.findings.find((f) => f.code === 'SA_DELETED_BY_PEER');
  expect(deleted?.summary).toContain('"peer does not do paranoid keepalives" (SITE-A\'s log, line 155) is a red herring');
});

test("corpus 10: R2's 'Map Accepted' after its refusal is kept, so the refused transforms are not reported as a failure", () => {
  // R2's Quick Mode checks join R1's negotiation, whose phase 1 completed (not R2's refused one)
  const [r2] = negotiationsOf('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');
  expect(r2?.evidence.some((e) => e.at.line === 123 && e.type === 'info' && e.text.startsWith('Map Accepted'))).toBe(true);
  const refused = r2?.findings.find((f) => f.code === 'P2_TRANSFORM_MISMATCH');
  expect(refused?.severity).toBe('info');
  expect(refused?.fix).toMatch(/^Nothing to fix/);
});

test('a success refuses nothing: it keeps none of its packets, state changes, Quick Mode starts or SAs', () => {
  const [n] = negotiationsOf('seed/ios-ikev1-main-mode-debugs.txt');
  const kept = new Set(n?.evidence.map((e) => e.type));
  for (const type of ['packet', 'fsm-state', 'begin', 'node', 'ipsec-request', 'ipsec-sa', 'ipsec-installed'] as const) expect(kept.has(type), type).toBe(false);
  expect(n?.evidence.length).toBeGreaterThan(0);
});

test('a harmless line with nothing else a rule reads before it is not kept: it would explain nothing', () => {
  // Hand-written in IOS 15 form (every corpus log has evidence before its harmless lines).
  const text = ['ISAKMP:(1001): received packet from 10.0.0.2 dport 500 sport 500 Global (I) QM_IDLE', 'ISAKMP:(1001):peer does not do paranoid keepalives.'].join('\n');
  const [n] = analyze([{ name: 'x', text }]).negotiations;
  expect(n).toBeDefined();
  expect(n?.evidence).toEqual([]);
});
