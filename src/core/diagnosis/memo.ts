import type { DiagnosisContext } from './context.ts';

/**
 * Several rules ask the same question of one context (which side printed what, the retransmission runs, the
 * Quick Mode refusals): answer it once per context.
 */
export function perContext<T>(compute: (ctx: DiagnosisContext) => T): (ctx: DiagnosisContext) => T {
  const cache = new WeakMap<DiagnosisContext, T>();
  return (ctx) => {
    if (cache.has(ctx)) return cache.get(ctx) as T;
    const value = compute(ctx);
    cache.set(ctx, value);
    return value;
  };
}
