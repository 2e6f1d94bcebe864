import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { lineOwnerWords } from './line-owner.ts';

describe('a line named with whose log it is in', () => {
  test("one router's log (corpus 06): its red herrings are the initiator's lines", () => {
    const text = readFileSync('fixtures/corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log', 'utf8');
    const negotiation = analyze([{ name: '06.log', text }]).negotiations[0]!;
    const explained = negotiation.findings.flatMap((f) => f.explained ?? []);
    expect(explained.length).toBeGreaterThan(0);
    const router = negotiation.routers.initiator.name || negotiation.routers.initiator.address;
    expect(explained.map((e) => lineOwnerWords(negotiation, e.line, '06.log'))).toEqual(explained.map((e) => `${router}'s log, line ${e.line.line}`));
  });

  test("both routers in one paste (the seed): each line by the router that printed it, from the builder's record", () => {
    const negotiation = analyze([{ name: 'seed', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }]).negotiations[0]!;
    const r3 = negotiation.phase1.transitions.find((t) => t.side === 'responder')!;
    const r2 = negotiation.phase1.transitions.find((t) => t.side === 'initiator')!;
    expect(lineOwnerWords(negotiation, r3.line, 'seed')).toBe(`R3's log, line ${r3.line.line}`);
    expect(lineOwnerWords(negotiation, r2.line, 'seed')).toBe(`R2's log, line ${r2.line.line}`);
    // a line of the document's prose: no router printed it, the file names it
    expect(lineOwnerWords(negotiation, { file: 0, line: 1 }, 'seed')).toBe('seed, line 1');
  });
});
