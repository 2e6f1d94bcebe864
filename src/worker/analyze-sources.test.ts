import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../core/analysis.ts';
import { analyze } from '../core/analyze.ts';
import { analyzeSources } from './analyze-sources.ts';
import { toPageAnalysis, transferablesOf } from './page-analysis.ts';
import type { SourceFile } from './protocol.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const seed = read('seed/ios-ikev1-main-mode-debugs.txt');
const r2 = read('configs/seed-R2.config.txt');

async function run(files: readonly SourceFile[]): Promise<{ analysis: Analysis; progress: [number, number][]; previews: Analysis[] }> {
  const progress: [number, number][] = [];
  const previews: Analysis[] = [];
  const analysis = await analyzeSources(files, { onProgress: (done, total) => progress.push([done, total]), onPreview: (p) => previews.push(p) });
  return { analysis, progress, previews };
}

describe('the worker analyses what the page gives it', () => {
  test('logs first, then configs, whatever order they are given in: the same analysis as analyze()', async () => {
    const { analysis, progress } = await run([
      { name: 'R2.cfg', kind: 'config', source: r2 },
      { name: 'seed.txt', kind: 'log', source: seed },
    ]);
    expect(analysis).toEqual(analyze([{ name: 'seed.txt', text: seed }], { configs: [{ name: 'R2.cfg', text: r2 }] }));
    expect(progress.at(-1)).toEqual([seed.length + r2.length, seed.length + r2.length]);
  });

  test('a File is streamed and decoded as UTF-8, characters split across chunks included', async () => {
    // multi-byte characters at every offset, so that some fall on a chunk boundary of the stream
    const text = `${'R1# ping 10.0.0.2 — ünïcödé ✓\n'.repeat(8_000)}${seed}`;
    const { analysis } = await run([{ name: 'big.txt', kind: 'log', source: new Blob([text]) }]);
    expect(analysis).toEqual(analyze([{ name: 'big.txt', text }]));
  });

  test('a large log gets one early analysis of its first whole lines, then the full one', async () => {
    // just over twice the preview's size: the smallest log that gets one
    const text = seed.repeat(Math.ceil(((2 << 20) + 1) / seed.length));
    const { analysis, previews, progress } = await run([{ name: 'large.txt', kind: 'log', source: text }]);
    expect(previews).toHaveLength(1);
    const preview = previews[0]!;
    expect(preview.input.lines).toBeGreaterThan(0);
    expect(preview.input.lines).toBeLessThan(analysis.input.lines);
    expect(preview.negotiations[0]?.phase1.messages.map((m) => m.name)).toEqual(analysis.negotiations[0]?.phase1.messages.map((m) => m.name));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every(([done, total], i) => done <= total && (i === 0 || done >= progress[i - 1]![0]))).toBe(true);
  });

  test('a File the page has not read comes back as its text, in pieces of about a megabyte, the last one marked', async () => {
    const text = `${'R1# ping 10.0.0.2 — ünïcödé ✓\n'.repeat(160_000)}${seed}`;
    const pieces: { file: number; text: string; last: boolean }[] = [];
    const analysis = await analyzeSources(
      [
        { name: 'R2.cfg', kind: 'config', source: r2 },
        { name: 'seed.txt', kind: 'log', source: seed },
        { name: 'big.txt', kind: 'log', source: new Blob([text]), returnText: true },
      ],
      { onProgress: () => {}, onPreview: () => {}, onText: (file, piece, last) => pieces.push({ file, text: piece, last }) },
    );
    expect(pieces.every((p) => p.file === 2)).toBe(true);
    expect(pieces.map((p) => p.last)).toEqual([...pieces.slice(1).map(() => false), true]);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p.text.length <= 1 << 20)).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(analysis.input.files.map((f) => f.name)).toEqual(['seed.txt', 'big.txt', 'R2.cfg']);
  });

  test('a small log gets no early analysis', async () => {
    expect((await run([{ name: 'seed.txt', kind: 'log', source: seed }])).previews).toEqual([]);
  });
});

describe('what the page receives', () => {
  const analysis = analyze([{ name: 'seed.txt', text: seed }]);

  test('a summary per negotiation and the first one whole', () => {
    const page = toPageAnalysis(analysis, false);
    expect(page.negotiations.map((n) => [n.id, n.role, n.phase1.outcome, n.phase2.map((p) => p.outcome)])).toEqual([['n1', 'both', 'complete', ['complete']]]);
    expect(page.first).toBe(analysis.negotiations[0]);
    expect(page.partial).toBe(false);
  });

  test('the columns cross by transfer, not copied: the worker keeps the negotiations it answers for', () => {
    const kept = analyze([{ name: 'seed.txt', text: seed }]);
    const page = toPageAnalysis(kept, false);
    const records = kept.records.file.length;
    const received = structuredClone(page, { transfer: transferablesOf(page) });
    expect(received.records.file).toHaveLength(records);
    expect(received.records.annotations).toEqual(analysis.records.annotations);
    expect(page.records.file).toHaveLength(0);
    expect(kept.records.file).toHaveLength(0);
    expect(kept.negotiations).toEqual(analysis.negotiations);
    expect(received.lineTables[0]?.kinds).toHaveLength(analysis.input.lines);
  });
});
