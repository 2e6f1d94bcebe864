import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { toPageAnalysis } from './page-analysis.ts';
import { joinPageAnalysis, pieceItems, splitPageAnalysis } from './page-analysis-pieces.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

describe('a page analysis in pieces', () => {
  test('a log of many negotiations: pieces of at most pieceItems each, joined back into the same analysis', () => {
    // the real log of one negotiation repeated past one piece, as a headend's log repeats its peers' exchanges
    const log = read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');
    const page = toPageAnalysis(analyze([{ name: 'many.log', text: Array.from({ length: 300 }, () => log).join('\n') }]), false);
    expect(page.negotiations.length).toBeGreaterThan(pieceItems);
    const expected = structuredClone(page);
    const { pieces, rest } = splitPageAnalysis(page);
    expect(pieces.length).toBe(Math.ceil(page.negotiations.length / pieceItems));
    expect(pieces.every((p) => p.negotiations.length <= pieceItems && p.peers.length <= pieceItems)).toBe(true);
    expect(rest.negotiations).toEqual([]);
    expect(rest.summary.peers).toEqual([]);
    expect(joinPageAnalysis(structuredClone(rest), structuredClone(pieces))).toEqual(expected);
  });

  test('an analysis with nothing in its lists is sent whole, no pieces', () => {
    const page = toPageAnalysis(analyze([{ name: 'empty.log', text: '' }]), false);
    const { pieces, rest } = splitPageAnalysis(page);
    expect(pieces).toEqual([]);
    expect(joinPageAnalysis(rest, pieces)).toEqual(page);
  });
});
