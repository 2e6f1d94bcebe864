import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Side } from '../ike/sides.ts';
import { contextFromText } from './context.ts';
import { sidesOf } from './sides.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** The side given to the events of some lines of a paste that holds both routers' output. */
function sidesAt(text: string, lines: readonly number[]): (Side | null)[] {
  const ctx = contextFromText(text);
  const sideOf = sidesOf(ctx);
  return lines.map((line) => {
    const e = ctx.events.find((x) => x.at.line === line);
    if (!e) throw new Error(`no event on line ${line}`);
    return sideOf(e);
  });
}

test("seed: R3's output (responder) first, then R2's (initiator)", () => {
  // 174 R3 finds the key for R2; 413 R3 accepts QM1; 471 R3 creates its SAs; 539 ISAKMP ON on R2;
  // 591 R2 finds the key for R3; 892 R2 accepts QM2's transform; 954 R2 creates its SAs.
  expect(sidesAt(read('seed/ios-ikev1-main-mode-debugs.txt'), [174, 413, 471, 539, 591, 892, 954])).toEqual([
    'responder', 'responder', 'responder', 'initiator', 'initiator', 'initiator', 'initiator',
  ]);
});

test('corpus 10: R1 (initiator) and R2 (responder) told apart by prompts', () => {
  // 12 R1 finds the key; 48 R2 refuses the key length; 55 R1's sa_request; 86 R2 refuses the transform.
  expect(sidesAt(read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log'), [12, 48, 55, 86])).toEqual([
    'initiator', 'responder', 'initiator', 'responder',
  ]);
});

test('a one-sided excerpt with no anchor: the lines that only a responder prints', () => {
  expect(sidesAt(read('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log'), [7])).toEqual(['responder']);
});
