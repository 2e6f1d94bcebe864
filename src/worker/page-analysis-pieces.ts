import type { PeerSummary } from '../core/summary/summary.ts';
import type { NegotiationSummary, PageAnalysis } from './page-analysis.ts';

/**
 * A slice of a page analysis' long lists, posted in a message of its own ahead of the rest: the page reads
 * each message in a task of its own, so no one task reads thousands of negotiations (a 100 MB log's one
 * message held the page for 60-100 ms).
 */
export interface PageAnalysisPiece {
  negotiations: NegotiationSummary[];
  peers: PeerSummary[];
  events: PageAnalysis['events'];
}

/** Items per piece: a few milliseconds of the page's time to read. */
export const pieceItems = 500;

function slices<T>(items: readonly T[], at: number): T[] {
  return items.slice(at * pieceItems, (at + 1) * pieceItems);
}

/** The long lists of `page` in pieces, and the rest of it with those lists empty. */
export function splitPageAnalysis(page: PageAnalysis): { pieces: PageAnalysisPiece[]; rest: PageAnalysis } {
  const count = Math.ceil(Math.max(page.negotiations.length, page.summary.peers.length, page.events.length) / pieceItems);
  const pieces: PageAnalysisPiece[] = [];
  for (let at = 0; at < count; at++) {
    pieces.push({ negotiations: slices(page.negotiations, at), peers: slices(page.summary.peers, at), events: slices(page.events, at) });
  }
  return { pieces, rest: { ...page, negotiations: [], events: [], summary: { ...page.summary, peers: [] } } };
}

/** The page analysis `splitPageAnalysis` cut: its rest with the pieces' lists put back, in order. */
export function joinPageAnalysis(rest: PageAnalysis, pieces: readonly PageAnalysisPiece[]): PageAnalysis {
  if (pieces.length === 0) return rest;
  return {
    ...rest,
    negotiations: pieces.flatMap((p) => p.negotiations),
    events: pieces.flatMap((p) => p.events),
    summary: { ...rest.summary, peers: pieces.flatMap((p) => p.peers) },
  };
}
