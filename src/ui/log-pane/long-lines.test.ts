import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Text } from '@codemirror/state';
import { LongLines, type LineSpan } from './long-lines.ts';

const split = (text: string) => Text.of(text.split(/\r\n?|\n/));

/** The long lines of the whole document, line by line. */
function reference(doc: Text, limit: number): LineSpan[] {
  const spans: LineSpan[] = [];
  for (let n = 1; n <= doc.lines; n++) {
    const line = doc.line(n);
    if (line.length > limit) spans.push({ from: line.from, to: line.to });
  }
  return spans;
}

describe('LongLines', () => {
  test('the latest span found for each line start is every long line of the document, whatever its parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r'), maxLength: 30 }), { maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (parts, limit) => {
        const finder = new LongLines(limit);
        const latest = new Map<number, LineSpan>();
        let doc = Text.empty;
        for (const part of parts) {
          const text = split(part);
          for (const span of finder.add(text)) latest.set(span.from, span);
          doc = doc.append(text);
        }
        expect([...latest.values()]).toEqual(reference(doc, limit));
      }),
    );
  });

  test('a line that goes on in the next part is found in both, the second time whole', () => {
    const finder = new LongLines(4);
    expect(finder.add(split('ab\nxxxxxx'))).toEqual([{ from: 3, to: 9 }]);
    expect(finder.add(split('yy\nz'))).toEqual([{ from: 3, to: 11 }]);
  });
});
