import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Message, Negotiation } from '../analysis.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const only = (path: string): Negotiation => analyze([{ name: path, text: read(path) }]).negotiations[0]!;
const message = (n: Negotiation, name: string): Message =>
  [...n.phase1.messages, ...n.phase2.flatMap((p) => p.messages)].find((m) => m.name === name && !m.retransmission)!;
/** Payloads as the ladder tells them apart: implied ones in parentheses. */
const told = (m: Message) => m.payloads.map((p) => (p.implied ? `(${p.type})` : p.type));

test("one router's own MM1, MM3 and QM1: what the protocol requires, marked implied, before what its log lists", () => {
  const n = only('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log');
  expect(told(message(n, 'MM1'))).toEqual(['(SA)', 'VID', 'VID', 'VID', 'VID']);
  expect(told(message(n, 'MM3'))).toEqual(['(KE)', '(NONCE)']);
  expect(told(message(n, 'MM5'))).toEqual(['ID', '(HASH)']);
  expect(told(message(n, 'QM1'))).toEqual(['(HASH)', '(SA)', '(NONCE)']);
  // what the router received it lists itself: nothing implied
  expect(told(message(n, 'QM2'))).toEqual(['HASH', 'SA', 'NONCE', 'ID', 'ID']);
  // an implied payload points at the packet line of its message, not at a line that lists it
  expect(message(n, 'MM1').payloads[0]!.line).toEqual(message(n, 'MM1').packetLines?.initiator);
});

test("both routers' logs: the receiver's copy lists what the sender built, nothing is implied", () => {
  const n = only('seed/ios-ikev1-main-mode-debugs.txt');
  for (const name of ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2']) {
    expect(message(n, name).payloads.some((p) => p.implied), name).toBe(false);
  }
  expect(told(message(n, 'MM1'))).toEqual(['SA']);
});

test('the same seed exchange from one router alone implies what the other router would have listed', () => {
  const run = runLab(labSetupOf('seed')!);
  if (!run.ok) throw new Error(run.error);
  const [n] = analyze([{ name: 'initiator', text: run.debug.initiator }]).negotiations;
  expect(told(message(n!, 'MM1'))).toEqual(['(SA)']);
  expect(told(message(n!, 'MM2'))).toEqual(['SA']);
});

test('a vendor ID named twice (what it seems, then what it is) is one payload', () => {
  // corpus 01, MM2: two `processing vendor id payload`, each followed by `seems Unity/DPD but major 69
  // mismatch` and `vendor ID is NAT-T RFC 3947`
  const mm2 = message(only('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), 'MM2');
  expect(mm2.payloads.filter((p) => p.type === 'VID').map((p) => p.detail)).toEqual(['NAT-T RFC 3947', 'NAT-T RFC 3947']);
  // the seed's MM3 as R3 read it: DPD, another IOS box, then one that seemed Unity/DPD and is XAUTH
  const mm3 = message(only('seed/ios-ikev1-main-mode-debugs.txt'), 'MM3');
  expect(mm3.payloads.filter((p) => p.type === 'VID').map((p) => p.detail)).toEqual(['DPD', 'IOS', 'XAUTH']);
});
