import type { LineRef } from '../ike/line-ref.ts';
import type { ReportSource } from './report-source.ts';
import type { SourceLines } from './source-lines.ts';
import { timelineMessages } from './case-note.ts';

/** One row of a config as a report lists it: a line of the file, or an IOS default it leaves unsaid. */
export type ConfigRow =
  | { kind: 'line'; line: number; text: string; related: boolean }
  | { kind: 'default'; after: number; text: string; why: string };

export interface ConfigListing {
  file: number;
  name: string;
  /** The routers the file names (hostname or prompt). */
  routers: string[];
  rows: ConfigRow[];
}

/**
 * Each config file given, whole, keys masked, with the IOS defaults it leaves unsaid in place (as the config
 * pane shows them) and the lines the negotiations depend on marked related.
 */
export function configListings(source: ReportSource, lines: SourceLines, related: readonly LineRef[]): ConfigListing[] {
  const relatedKeys = new Set(related.map((r) => `${r.file}:${r.line}`));
  const out: ConfigListing[] = [];
  source.input.files.forEach((file, index) => {
    if (file.kind !== 'config') return;
    const defaults = source.configDefaults.find((c) => c.file === index);
    const implicit = [...(defaults?.implicit ?? [])].sort((a, b) => a.after - b.after);
    const rows: ConfigRow[] = [];
    let next = 0;
    const flush = (after: number) => {
      for (; next < implicit.length && implicit[next]!.after <= after; next += 1) {
        const d = implicit[next]!;
        rows.push({ kind: 'default', after: d.after, text: d.text, why: d.why });
      }
    };
    flush(0);
    for (let line = 1; line <= file.lines; line += 1) {
      rows.push({ kind: 'line', line, text: lines.text(index, line) ?? '', related: relatedKeys.has(`${index}:${line}`) });
      flush(line);
    }
    flush(Number.MAX_SAFE_INTEGER);
    out.push({ file: index, name: file.name, routers: defaults?.routers ?? [], rows });
  });
  return out;
}

/** Every config line the negotiations' messages and findings depend on. */
export function relatedConfigLines(source: ReportSource): LineRef[] {
  const refs: LineRef[] = [];
  for (const n of source.negotiations) {
    for (const m of timelineMessages(n)) {
      for (const ref of m.config ?? []) refs.push(ref);
    }
    for (const f of n.findings) for (const ref of f.configLines ?? []) refs.push(ref);
  }
  return refs;
}
