/**
 * The lossless line model: every line with its number, raw text and ending, so that the input can be
 * rebuilt exactly. Lines end at \n, \r\n or a lone \r.
 */

export type LineEnding = '' | '\n' | '\r\n' | '\r';

export interface Line {
  /** Counts from 1. */
  number: number;
  raw: string;
  ending: LineEnding;
}

/**
 * Calls `onLine` for each complete line of a stream of chunks. A chunk may end inside a line or between
 * \r and \n; the splitter carries the remainder over. Nothing is dropped: `finish` flushes the last line
 * even without an ending, and the concatenation of every raw + ending is the input.
 */
export class LineSplitter {
  private carry = '';
  private pendingCr = false;
  private count = 0;

  /** `carried`: the line began in an earlier chunk (it is not a piece of the chunk being pushed alone). */
  constructor(private readonly onLine: (raw: string, ending: LineEnding, number: number, carried: boolean) => void) {}

  get lines(): number {
    return this.count;
  }

  push(chunk: string): void {
    let start = 0;
    const n = chunk.length;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (n > 0 && chunk.charCodeAt(0) === 10) {
        this.emit(this.carry, '\r\n', true);
        this.carry = '';
        start = 1;
      } else {
        this.emit(this.carry, '\r', true);
        this.carry = '';
      }
    }
    let i = start;
    // next \n and \r positions, searched again only once passed: a chunk without \r costs one scan, not one per line
    let nl = -2;
    let cr = -2;
    while (i < n) {
      if (nl !== -1 && nl < i) nl = chunk.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf('\r', i);
      if (nl < 0 && cr < 0) break;
      if (cr < 0 || (nl >= 0 && nl < cr)) {
        this.emitPiece(chunk, start, nl, '\n');
        start = i = nl + 1;
        continue;
      }
      // a \r: \r\n, a lone \r, or a \r at the end of this chunk whose \n may come with the next chunk
      if (cr + 1 < n) {
        const crlf = chunk.charCodeAt(cr + 1) === 10;
        this.emitPiece(chunk, start, cr, crlf ? '\r\n' : '\r');
        start = i = cr + (crlf ? 2 : 1);
      } else {
        this.carry = this.carry + chunk.slice(start, cr);
        this.pendingCr = true;
        start = i = n;
      }
    }
    if (start < n) this.carry = this.carry + chunk.slice(start);
  }

  finish(): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      this.emit(this.carry, '\r', true);
    } else if (this.carry.length > 0) {
      this.emit(this.carry, '', true);
    }
    this.carry = '';
  }

  private emitPiece(chunk: string, start: number, end: number, ending: LineEnding): void {
    if (this.carry.length > 0) {
      const raw = this.carry + chunk.slice(start, end);
      this.carry = '';
      this.emit(raw, ending, true);
    } else {
      this.emit(chunk.slice(start, end), ending, false);
    }
  }

  private emit(raw: string, ending: LineEnding, carried: boolean): void {
    this.count += 1;
    this.onLine(raw, ending, this.count, carried);
  }
}

/** All lines of a text. An empty text has no lines; a text ending with a line ending has no empty last line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const splitter = new LineSplitter((raw, ending, number) => lines.push({ number, raw, ending }));
  splitter.push(text);
  splitter.finish();
  return lines;
}

/** The exact input the lines came from. */
export function rebuild(lines: readonly Line[]): string {
  let out = '';
  for (const line of lines) out += line.raw + line.ending;
  return out;
}
