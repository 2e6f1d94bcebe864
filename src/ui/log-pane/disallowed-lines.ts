import type { Negotiation } from '../../core/analysis.ts';

/**
 * The lines of one file where the log takes a step the state machines do not allow, each with why: the log
 * pane flags them, as the ladder does.
 */
export function disallowedLines(negotiation: Negotiation | undefined, file: number): ReadonlyMap<number, string> {
  const flagged = new Map<number, string>();
  if (!negotiation) return flagged;
  const transitions = [...negotiation.phase1.transitions, ...negotiation.phase2.flatMap((p) => p.transitions)];
  for (const t of transitions) {
    if (t.allowed !== false || t.line.file !== file) continue;
    flagged.set(t.line.line, `The state machine model does not allow ${t.from} → ${t.to} on ${t.input || 'this input'}`);
  }
  return flagged;
}
