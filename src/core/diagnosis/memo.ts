import type { DiagnosisContext } from './context.ts';

/**
 * Several rules ask the same question of one context (which side printed what, the retransmission runs, the
 * Quick Mode refusals): answer it once per context. The rules of one context run one after another, so the
 * answer for the latest context is the one kept: a long log has thousands of contexts, and a map from every
 * context to its answer cost more than most of the questions.
 */
export function perContext<T>(compute: (ctx: DiagnosisContext) => T): (ctx: DiagnosisContext) => T {
  let last: DiagnosisContext | null = null;
  let answer: T;
  return (ctx) => {
    if (ctx !== last) {
      answer = compute(ctx);
      last = ctx;
    }
    return answer;
  };
}
