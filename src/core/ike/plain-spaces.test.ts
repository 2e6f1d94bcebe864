/**
 * Lines copied from a web page, a document or a chat client carry no-break and other Unicode spaces where IOS
 * printed plain ones. Derived: corpus 13's lines with their spaces turned into U+00A0, U+2007 and
 * U+202F, as an HTML page's `&nbsp;` or an editor gives them (the stored pages keep plain spaces, so no captured
 * example exists); a key line likewise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze, createAnalyzer } from '../analyze.ts';
import { keyMasker } from '../config/key-mask.ts';
import { hasUnicodeSpace, plainSpaces } from './plain-spaces.ts';

const corpus13 = readFileSync(new URL('../../../fixtures/corpus/13-transform-set-mismatch-initiator-ios12-excerpt.log', import.meta.url), 'utf8');

describe('spaces a page put for plain ones', () => {
  test('are plain for reading, the line keeps its length', () => {
    const line = '*Mar\u00a0 1 00:55:40.775: ISAKMP\u202f(0:2):\u2007Old State = IKE_READY\u00a0New State = IKE_I_MM1';
    expect(plainSpaces(line)).toBe('*Mar  1 00:55:40.775: ISAKMP (0:2): Old State = IKE_READY New State = IKE_I_MM1');
    expect(plainSpaces(line)).toHaveLength(line.length);
    expect(plainSpaces('ISAKMP: no such space')).toBe('ISAKMP: no such space');
  });

  test('a log whose every space is a no-break one reads as the log itself', () => {
    const copied = corpus13.replace(/ /g, '\u00a0');
    const a = analyze([{ name: 'copied.log', text: copied }]);
    const b = analyze([{ name: 'copied.log', text: corpus13 }]);
    expect(a.input.unrecognized).toEqual(b.input.unrecognized);
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.phase1.outcome, n.phase1.messages.length])).toEqual(b.negotiations.map((n) => [n.role, n.local, n.peer, n.phase1.outcome, n.phase1.messages.length]));
    expect(a.negotiations.length).toBeGreaterThan(0);
  });

  test('fed in chunks, a line that begins in a chunk of plain spaces and ends in one with a no-break space reads the same', () => {
    // only the second half of the log was copied from a page: the chunks before it hold plain spaces only
    const half = corpus13.indexOf('\n', corpus13.length >> 1);
    const copied = corpus13.slice(0, half) + corpus13.slice(half).replace(/ /g, '\u00a0');
    const whole = analyze([{ name: 'copied.log', text: corpus13 }]);
    for (const size of [7, 61, 4096]) {
      const analyzer = createAnalyzer();
      analyzer.beginFile('copied.log');
      for (let i = 0; i < copied.length; i += size) analyzer.push(copied.slice(i, i + size));
      analyzer.endFile();
      const a = analyzer.finish();
      expect(a.input.unrecognized).toEqual(whole.input.unrecognized);
      expect(a.negotiations.map((n) => [n.role, n.peer, n.phase1.outcome, n.phase1.messages.length])).toEqual(whole.negotiations.map((n) => [n.role, n.peer, n.phase1.outcome, n.phase1.messages.length]));
    }
  });

  test('a key copied with no-break spaces is masked, the rest of the line as given', () => {
    expect(keyMasker()('crypto isakmp key\u00a0cisco123\u00a0address 203.0.113.2')).toBe('crypto isakmp key\u00a0*****\u00a0address 203.0.113.2');
  });
});

describe('hasUnicodeSpace', () => {
  test('finds exactly the characters plainSpaces changes, alone or in a line', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c += 1) {
      const ch = String.fromCharCode(c);
      if (hasUnicodeSpace(ch) !== (plainSpaces(ch) !== ch) || hasUnicodeSpace(`ISAKMP: (1002):${ch}x`) !== hasUnicodeSpace(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(hasUnicodeSpace('ISAKMP: (0):beginning Main Mode exchange')).toBe(false);
    expect(hasUnicodeSpace('IKEv2:\u00a0(SESSION ID = 1)')).toBe(true);
  });
});
