/**
 * Growable typed-array columns, so that per-line data costs a few bytes per line and no object.
 * Two small classes rather than one generic: each push, called once per input line, stays monomorphic.
 */

export class ByteColumn {
  private data = new Uint8Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  /** The values, without a copy (the column is done with once this is taken). */
  toArray(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
