/** The `--json` output of `analyze`: the ikescope.analysis/1 object, without the page's per-line tables. */
import type { Analysis } from '../core/analysis.ts';

export function jsonObject(a: Analysis): Pick<Analysis, 'schema' | 'input' | 'negotiations'> {
  return { schema: a.schema, input: a.input, negotiations: a.negotiations };
}

export function jsonReport(a: Analysis): string {
  return `${JSON.stringify(jsonObject(a), null, 2)}\n`;
}
