import { useEffect, useState } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';

/**
 * The chosen negotiation in full. The first comes with the analysis; any other is fetched from the worker
 * once, when chosen.
 */
export function useSelectedNegotiation(
  analysis: PageAnalysis | null,
  index: number,
  fetchNegotiation: (index: number) => Promise<Negotiation | null>,
): Negotiation | undefined {
  const [fetched, setFetched] = useState<{ analysis: PageAnalysis; index: number; negotiation: Negotiation | null } | null>(null);
  const needsFetch = analysis !== null && !analysis.partial && index > 0 && index < analysis.negotiations.length;

  useEffect(() => {
    if (!needsFetch || !analysis) return undefined;
    let cancelled = false;
    fetchNegotiation(index).then((negotiation) => {
      if (!cancelled) setFetched({ analysis, index, negotiation });
    }, () => undefined);
    return () => {
      cancelled = true;
    };
  }, [needsFetch, analysis, index, fetchNegotiation]);

  if (!analysis) return undefined;
  if (!needsFetch) return analysis.first ?? undefined;
  if (fetched?.analysis === analysis && fetched.index === index) return fetched.negotiation ?? undefined;
  return undefined;
}
