/** Numbers as IOS prints them: message IDs signed or unsigned, lifetimes as VPI hex bytes, SPIs in hex. */

const TWO_32 = 4294967296;

/** A count or setting printed in decimal digits (`1001`, a packet counter), or null when the text is none. */
export function printedCount(v: string | undefined): number | null {
  if (v === undefined || !/^\d{1,15}$/.test(v)) return null;
  return Number(v);
}

/** A message ID printed signed (`-1941890658`) or unsigned (`2353076638`) as the unsigned 32-bit value. */
export function toUnsigned32(printed: string): number | null {
  const n = Number(printed);
  if (!Number.isInteger(n) || n < -2147483648 || n >= TWO_32) return null;
  return n < 0 ? n + TWO_32 : n;
}

/** `life duration (VPI) of  0x0 0x1 0x51 0x80` → 86400: the bytes, most significant first. */
export function decodeVpiBytes(bytes: readonly string[]): number | null {
  if (bytes.length === 0 || bytes.length > 6) return null;
  let value = 0;
  for (const b of bytes) {
    const digits = b.startsWith('0x') || b.startsWith('0X') ? b.slice(2) : b;
    const byte = Number.parseInt(digits, 16);
    if (!Number.isFinite(byte) || byte < 0 || byte > 255 || !/^[\da-f]{1,2}$/i.test(digits)) return null;
    value = value * 256 + byte;
  }
  return value;
}

/** `0x45F16A9A` in the canonical upper-case form with a lower-case `0x`. */
export function spiHex(n: number): string {
  return `0x${n.toString(16).toUpperCase()}`;
}

/** Parses `0x221A7153` (any case) to its number, or null. */
export function parseSpiHex(text: string): number | null {
  if (!/^0x[\da-f]{1,8}$/i.test(text)) return null;
  return Number.parseInt(text.slice(2), 16);
}

/** `08:33:43.377` (or without milliseconds) → milliseconds since midnight. */
export function timeOfDay(h: number, m: number, s: number, ms: number): number {
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}
