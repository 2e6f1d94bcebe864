import type { Text } from '@codemirror/state';

/** A line of the document, by its first position and its end (before its line break). */
export interface LineSpan {
  from: number;
  to: number;
}

/**
 * The lines longer than `limit` of a document given a part at a time, each part appended at the end of what
 * came before (a large log filling the editor): each part is walked once, as it comes, so no one change of the
 * document has to look through the megabytes it adds.
 */
export class LongLines {
  private lineStart = 0;
  private position = 0;

  constructor(private readonly limit: number) {}

  /** The long lines `part` ends or holds, and its last line when long so far (it may go on in the next part). */
  add(part: Text): LineSpan[] {
    const found: LineSpan[] = [];
    for (const pieces = part.iter(); !pieces.next().done; ) {
      if (!pieces.lineBreak) {
        this.position += pieces.value.length;
        continue;
      }
      if (this.position - this.lineStart > this.limit) found.push({ from: this.lineStart, to: this.position });
      this.position += 1;
      this.lineStart = this.position;
    }
    if (this.position - this.lineStart > this.limit) found.push({ from: this.lineStart, to: this.position });
    return found;
  }
}
