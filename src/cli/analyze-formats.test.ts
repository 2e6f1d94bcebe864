import { describe, expect, test } from 'vitest';
import mermaid from 'mermaid';
import { run } from './analyze-command.ts';
import { mermaidDiagrams } from '../core/report/mermaid.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const path = (p: string) => new URL(p, fixtures).pathname;
const seed = path('seed/ios-ikev1-main-mode-debugs.txt');
const seedConfigs = ['--config', path('configs/seed-R2.config.txt'), '--config', path('configs/seed-R3.config.txt')];
const corpus10 = path('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');
const config10 = path('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.config.txt');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), readStdin: async () => '' });
  return { code, out, err };
}

const keysIn = (text: string) => [...text.matchAll(/crypto isakmp key (?:[06] )?(\S+)/g)].map((m) => m[1]);

describe('analyze --format', () => {
  test('--format json is --json', async () => {
    const a = await cli(['--format', 'json', seed]);
    const b = await cli(['--json', seed]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).schema).toBe('ikescope.analysis/1');
  });

  test('--format text is the report without a format', async () => {
    expect((await cli(['--format=text', seed])).out).toBe((await cli([seed])).out);
  });

  test('--format markdown: the seed\'s case note, its keys masked unless --include-keys', async () => {
    const r = await cli(['--format', 'markdown', seed, ...seedConfigs]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Negotiation n1: R2 (2001:DB8::2) → R3 (2001:DB8::3)');
    expect(r.out).toContain('### 6. MM6: Main Mode 6: responder proves its identity');
    expect(keysIn(r.out).length).toBeGreaterThan(0);
    expect(new Set(keysIn(r.out))).toEqual(new Set(['*****']));
    const keys = await cli(['--format', 'markdown', '--include-keys', seed, ...seedConfigs]);
    expect(new Set(keysIn(keys.out))).toEqual(new Set(['cisco']));
  });

  test('--format html: one self-contained file with no script and no URL, keys masked', async () => {
    const r = await cli(['--format', 'html', seed, ...seedConfigs]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!doctype html>')).toBe(true);
    expect(r.out).not.toMatch(/<script/i);
    expect(r.out).not.toMatch(/https?:\/\//i);
    expect(r.out).toContain('data-testid="ladder.arrow.QM3"');
    expect(new Set(keysIn(r.out))).toEqual(new Set(['*****']));
  });

  test('--format mermaid: a diagram per negotiation that mermaid parses (corpus 10, its key in none)', async () => {
    const r = await cli(['--format', 'mermaid', corpus10, '--config', config10]);
    expect(r.code).toBe(0);
    const diagrams = mermaidDiagrams(r.out);
    expect(diagrams.length).toBe((JSON.parse((await cli(['--json', corpus10])).out) as { negotiations: unknown[] }).negotiations.length);
    for (const d of diagrams) await expect(mermaid.parse(d)).resolves.toMatchObject({ diagramType: 'sequence' });
    expect(r.out).not.toContain('Cisco!23');
  });

  test('--annotate masks the keys a listed config holds', async () => {
    const r = await cli(['--annotate', corpus10, '--config', config10]);
    expect(keysIn(r.out).length).toBeGreaterThan(0);
    for (const key of keysIn(r.out)) expect(key).toMatch(/^\*{5}/);
    const keys = await cli(['--annotate', '--include-keys', corpus10, '--config', config10]);
    expect(keysIn(keys.out)).toContain('Cisco!23');
  });

  const bad: { args: string[]; err: RegExp }[] = [
    { args: ['--format', 'pdf', seed], err: /--format takes one of text, json, markdown, html, mermaid/ },
    { args: ['--format'], err: /--format takes one of/ },
    { args: ['--json', '--format', 'html', seed], err: /one output format/ },
    { args: ['--summary', '--format', 'html', seed], err: /--summary/ },
    { args: ['--annotate', '--format', 'markdown', seed], err: /--annotate/ },
  ];
  for (const c of bad) {
    test(`refuses ${c.args.join(' ')}`, async () => {
      const r = await cli(c.args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(c.err);
    });
  }
});
