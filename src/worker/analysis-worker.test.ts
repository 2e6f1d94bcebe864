/**
 * The analysis worker's entry, its message handler, run on the real analyzer. Node has no worker global, so
 * `self` is a stand-in that records what the worker posts; everything behind it (reading the files, the
 * analysis, the page's view of it) is the real code.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { toPageAnalysis } from './page-analysis.ts';
import { joinPageAnalysis } from './page-analysis-pieces.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const seed = read('seed/ios-ikev1-main-mode-debugs.txt');
const corpus10 = read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');
const r2 = read('configs/seed-R2.config.txt');

const posted: AnalysisResponse[] = [];
const scope: { onmessage: ((event: { data: AnalysisRequest }) => void) | null; postMessage: (message: AnalysisResponse) => void } = {
  onmessage: null,
  postMessage: (message) => posted.push(message),
};

/** Sends a request and waits for the worker's last answer to it (a result, a negotiation or an error). */
async function request(data: AnalysisRequest): Promise<AnalysisResponse[]> {
  const from = posted.length;
  scope.onmessage?.({ data });
  await vi.waitFor(() => {
    const last = posted.at(-1);
    if (posted.length === from || last?.type === 'progress' || last?.type === 'result-piece' || (last?.type === 'result' && last.analysis.partial)) throw new Error('no answer yet');
  });
  return posted.slice(from);
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('./analysis-worker.ts');
});
afterAll(() => vi.unstubAllGlobals());

describe('the analysis worker', () => {
  test('an analyze request: the page analysis of what analyze() makes of the same files, logs before configs', async () => {
    const answers = await request({ type: 'analyze', id: 1, files: [{ name: 'R2.cfg', kind: 'config', source: r2 }, { name: 'seed.txt', kind: 'log', source: seed }] });
    const result = answers.at(-1);
    if (result?.type !== 'result') throw new Error(`no result: ${JSON.stringify(result)}`);
    expect(result.id).toBe(1);
    // the long lists come in pieces before the rest; the page puts them back
    const pieces = answers.flatMap((a) => (a.type === 'result-piece' ? [a.piece] : []));
    expect(pieces.length).toBeGreaterThan(0);
    const analysis = joinPageAnalysis(result.analysis, pieces);
    const expected = toPageAnalysis(analyze([{ name: 'seed.txt', text: seed }], { configs: [{ name: 'R2.cfg', text: r2 }] }), false);
    expect(analysis.negotiations).toEqual(expected.negotiations);
    expect(analysis.summary).toEqual(expected.summary);
    expect(analysis.first).toEqual(expected.first);
    expect(analysis.partial).toBe(false);
    expect(analysis.first?.findings.map((f) => f.code)).toEqual(['WEAK_CRYPTO']);
  });

  test('a negotiation asked for by the id of the latest analysis comes whole; any other id or index gets null', async () => {
    await request({ type: 'analyze', id: 2, files: [{ name: '10.log', kind: 'log', source: corpus10 }] });
    const [second] = analyze([{ name: '10.log', text: corpus10 }]).negotiations.slice(1);
    expect(await request({ type: 'negotiation', id: 2, index: 1 })).toEqual([{ type: 'negotiation', id: 2, index: 1, negotiation: second }]);
    expect(second?.findings.map((f) => f.code)).toEqual(['P1_POLICY_MISMATCH']);
    expect(await request({ type: 'negotiation', id: 1, index: 0 })).toEqual([{ type: 'negotiation', id: 1, index: 0, negotiation: null }]);
    expect(await request({ type: 'negotiation', id: 2, index: 5 })).toEqual([{ type: 'negotiation', id: 2, index: 5, negotiation: null }]);
  });

  test('a file that cannot be read: an error for that request, not a crash', async () => {
    // a stand-in for a File the browser can no longer read (deleted or moved after it was picked)
    const unreadable = { size: 10, slice: () => { throw new Error('the file could not be read'); } } as unknown as Blob;
    expect(await request({ type: 'analyze', id: 3, files: [{ name: 'gone.log', kind: 'log', source: unreadable }] })).toEqual([
      { type: 'error', id: 3, message: 'the file could not be read' },
    ]);
  });
});
