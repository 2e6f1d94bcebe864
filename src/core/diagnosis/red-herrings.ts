/** Lines that read like a failure but are not one, with why; findings carry them in `explained`. */
import { harmlessBecause } from '../ike/harmless-lines.ts';
import type { DiagnosisContext } from './context.ts';
import type { ExplainedLine } from './finding.ts';
import { perContext } from './memo.ts';

export const redHerrings = perContext(computeRedHerrings);

function computeRedHerrings(ctx: DiagnosisContext): ExplainedLine[] {
  const out: ExplainedLine[] = [];
  for (const e of ctx.events) {
    const text = e.type === 'info' || e.type === 'error' ? e.text : null;
    if (text === null) continue;
    const why = harmlessBecause(text);
    if (why !== null) out.push({ line: e.at, text: why });
  }
  return out;
}
