import type { ReportOptions, ReportSource } from './report-source.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { keyMasker } from '../config/key-mask.ts';
import { pickLines } from '../log/pick-lines.ts';
import { isFirstLineOf, lineAnnotation } from '../log/record-table.ts';

/** One line of an input file as a report shows it: its text (keys masked) and, on a record's first line, what it means. */
export interface ShownLine {
  file: number;
  line: number;
  text: string | null;
  annotation: string | null;
}

/**
 * The lines a report shows, read from the input's texts in one pass per file for all of them, every pre-shared
 * key masked by one masker (so two keys shown equal are equal, two different are different) unless asked not to.
 */
export class SourceLines {
  private readonly picked = new Map<number, Map<number, string>>();
  private readonly mask: (line: string) => string;

  constructor(private readonly source: ReportSource, wanted: Iterable<LineRef>, options: ReportOptions = {}) {
    this.mask = options.includeKeys ? (line) => line : keyMasker();
    const byFile = new Map<number, Set<number>>();
    for (const ref of wanted) {
      const lines = byFile.get(ref.file) ?? new Set<number>();
      lines.add(ref.line);
      byFile.set(ref.file, lines);
    }
    for (const [file, lines] of byFile) {
      const text = source.texts[file];
      if (text) this.picked.set(file, pickLines(text.pieces, lines));
    }
  }

  /** The line's text as shown (keys masked), or null when the report was not given that file's text. */
  text(file: number, line: number): string | null {
    const raw = this.picked.get(file)?.get(line);
    return raw === undefined ? null : this.mask(raw);
  }

  /** What the analysis says the record starting on this line means; null elsewhere. */
  annotation(file: number, line: number): string | null {
    const record = this.source.lineTables[file]?.records[line - 1] ?? -1;
    if (record < 0 || !isFirstLineOf(this.source.records, record, file, line)) return null;
    return lineAnnotation(this.source.records, record);
  }

  shown(ref: LineRef): ShownLine {
    return { file: ref.file, line: ref.line, text: this.text(ref.file, ref.line), annotation: this.annotation(ref.file, ref.line) };
  }

  /** Each line once, in file then line order. */
  shownAll(refs: readonly LineRef[]): ShownLine[] {
    const seen = new Set<string>();
    const out: ShownLine[] = [];
    for (const ref of [...refs].sort((a, b) => a.file - b.file || a.line - b.line)) {
      const key = `${ref.file}:${ref.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(this.shown(ref));
    }
    return out;
  }

  fileName(file: number): string {
    return this.source.input.files[file]?.name ?? `file ${file}`;
  }
}
