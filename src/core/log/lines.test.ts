import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineSplitter, rebuild, splitLines, type LineEnding } from './lines.ts';

describe('splitLines / rebuild', () => {
  const cases: { name: string; text: string; raws: string[]; endings: LineEnding[] }[] = [
    { name: 'empty input has no lines', text: '', raws: [], endings: [] },
    { name: 'one line without ending', text: 'ISAKMP: (0):x', raws: ['ISAKMP: (0):x'], endings: [''] },
    { name: '\\n endings', text: 'a\nb\n', raws: ['a', 'b'], endings: ['\n', '\n'] },
    { name: '\\r\\n endings', text: 'a\r\nb', raws: ['a', 'b'], endings: ['\r\n', ''] },
    { name: 'lone \\r endings', text: 'a\rb\r', raws: ['a', 'b'], endings: ['\r', '\r'] },
    { name: 'mixed endings and blank lines', text: 'a\r\n\n\rb', raws: ['a', '', '', 'b'], endings: ['\r\n', '\n', '\r', ''] },
    { name: 'tabs and Unicode kept', text: '\tISAKMP 中文 ✓\n', raws: ['\tISAKMP 中文 ✓'], endings: ['\n'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const lines = splitLines(c.text);
      expect(lines.map((l) => l.raw)).toEqual(c.raws);
      expect(lines.map((l) => l.ending)).toEqual(c.endings);
      expect(lines.map((l) => l.number)).toEqual(c.raws.map((_, i) => i + 1));
      expect(rebuild(lines)).toBe(c.text);
    });
  }

  test('any text is rebuilt exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é', '#', ':') }), (text) => {
        expect(rebuild(splitLines(text))).toBe(text);
      }),
    );
  });

  test('chunk boundaries (inside \\r\\n too) do not change the lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('x', '\n', '\r', ' ') }), fc.array(fc.nat(40)), (text, cuts) => {
        const got: string[] = [];
        const splitter = new LineSplitter((raw, ending) => got.push(raw + ending));
        let at = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          const end = Math.min(text.length, c);
          if (end <= at) continue;
          splitter.push(text.slice(at, end));
          at = end;
        }
        splitter.push(text.slice(at));
        splitter.finish();
        expect(got.join('')).toBe(text);
        expect(got).toEqual(splitLines(text).map((l) => l.raw + l.ending));
      }),
    );
  });
});
