/** A large log goes into the editor in slices between frames, so the page never blocks on it. */
export const sliceChars = 128 * 1024;

/**
 * Hands out a text held in pieces as slices of about `size` characters, each ending at a line break where the
 * piece has one, never joining or copying more than a slice at a time.
 */
export function slicer(pieces: readonly string[], size = sliceChars) {
  let piece = 0;
  let offset = 0;
  return {
    done: () => piece >= pieces.length,
    next(): string {
      const parts: string[] = [];
      let taken = 0;
      while (piece < pieces.length && taken < size) {
        const current = pieces[piece]!;
        const want = offset + (size - taken);
        let end = current.length;
        if (want < current.length) {
          const lineBreak = current.indexOf('\n', want);
          end = lineBreak < 0 ? current.length : lineBreak + 1;
        }
        parts.push(current.slice(offset, end));
        taken += end - offset;
        offset = end;
        if (offset >= current.length) {
          piece++;
          offset = 0;
        }
      }
      return parts.join('');
    },
  };
}

