import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysisJsonText } from './analysis-json.ts';
import { analyze } from './analyze.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const logs = ['corpus', 'partial', 'seed', 'collector'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, fixtures))
    .filter((name) => /\.(?:log|txt)$/.test(name) && !name.includes('config'))
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(new URL(`${dir}/${name}`, fixtures), 'utf8') })),
);

describe('annotate: false (analyze --json, --summary)', () => {
  test('the fixtures hold logs with stray events, so their meaning is checked too', () => {
    const strays = logs.filter((l) => analyze([l]).events.length > 0);
    expect(strays.length).toBeGreaterThan(0);
  });
  for (const log of logs) {
    test(`${log.name}: the same JSON as with every line in words`, () => {
      expect(analysisJsonText(analyze([log], { annotate: false }))).toBe(analysisJsonText(analyze([log])));
    });
  }
  test('fewer lines are put in words, and those that are say what they say with every line in words', () => {
    const log = logs.find((l) => l.name.startsWith('corpus/01-'))!;
    const some = analyze([log], { annotate: false }).records;
    const all = analyze([log]).records;
    const words = (r: typeof all, i: number) => r.annotations[r.annotation[i] ?? -1] ?? null;
    let said = 0;
    for (let i = 0; i < all.annotation.length; i += 1) {
      const w = words(some, i);
      if (w === null || w === '') continue;
      said += 1;
      expect(w).toBe(words(all, i));
    }
    expect(said).toBeLessThan(5);
    expect(all.annotations.length).toBeGreaterThan(20);
  });
});
