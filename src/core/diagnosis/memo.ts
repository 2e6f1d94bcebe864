/**
 * What the diagnosis of one analysis remembers, owned by that analysis (a second analysis starts with
 * nothing, and nothing outlives it):
 * - answers per context: several rules ask the same question of one context (which side printed what, the
 *   retransmission runs, the Quick Mode refusals), answered once. The rules of one context run one after
 *   another, so only the answer for the latest context is kept: a long log has thousands of contexts, and a
 *   map from every context to its answer cost more than most of the questions.
 * - tables shared by all contexts, such as what a printed transform set holds: a log repeats the same few.
 */
export class DiagnosisMemo {
  private readonly latest = new Map<object, { ctx: object; answer: unknown }>();
  private readonly tables = new Map<object, Map<string, unknown>>();

  answer<C extends object, T>(question: (ctx: C) => T, ctx: C): T {
    const known = this.latest.get(question);
    if (known !== undefined && known.ctx === ctx) return known.answer as T;
    const answer = question(ctx);
    if (known !== undefined) {
      known.ctx = ctx;
      known.answer = answer;
    } else this.latest.set(question, { ctx, answer });
    return answer;
  }

  /** The analysis' table for `owner` (a function of the rule that reads it), made on first use. */
  table<V>(owner: object): Map<string, V> {
    let table = this.tables.get(owner);
    if (table === undefined) {
      table = new Map<string, unknown>();
      this.tables.set(owner, table);
    }
    return table as Map<string, V>;
  }
}

/** A question asked of a context (a DiagnosisContext), answered once per context by the context's memo. */
export function perContext<C extends { memo: DiagnosisMemo }, T>(compute: (ctx: C) => T): (ctx: C) => T {
  return (ctx) => ctx.memo.answer(compute, ctx);
}
