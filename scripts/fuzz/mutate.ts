/**
 * A seeded mutator of real input: the same seed gives the same mutated text, so a failure found in hours of
 * `npm run fuzz` is replayed by its seed. Mutations are line-wise and word-wise, the way real pastes go wrong
 * (cut, repeated, glued, wrapped) plus the words crafted input uses (prototype keys, huge numbers, long words).
 */

export { rng } from '../seeded-random.ts';

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Words that crafted input puts where a value is expected. */
const CRAFTED_WORDS = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '4294967296',
  '99999999999999999999',
  '0x',
  '::',
  '255.255.255.255',
  '1.2.3.4.5',
  '<script>alert(1)</script>',
  '"',
  '\\',
  '\u0000',
  '\u202e',
  '🙂',
  '%s%n',
  '(I)',
  '(R)',
  'MM_NO_STATE',
  'QM_IDLE',
];

function mutateLine(random: Random, line: string): string {
  const words = line.split(' ');
  switch (Math.floor(random() * 7)) {
    case 0:
      return line.slice(0, Math.floor(random() * line.length));
    case 1:
      words[Math.floor(random() * words.length)] = pick(random, CRAFTED_WORDS);
      return words.join(' ');
    case 2:
      return line.replace(/\d+/, () => pick(random, ['0', '-1', '4294967296', '99999999999999999999', '1e308']));
    case 3:
      return `${line}${pick(random, [' <-- here', ' (1)', 'R1#ping 10.0.0.1', '\r', '\t', '  '])}`;
    case 4:
      return words.reverse().join(' ');
    case 5:
      return `${'x'.repeat(Math.floor(random() * 3000))}${line}`;
    default: {
      const at = Math.floor(random() * (line.length + 1));
      return `${line.slice(0, at)}${String.fromCharCode(Math.floor(random() * 0x3000))}${line.slice(at)}`;
    }
  }
}

/** `text` with a few mutations; `donor` lends lines to splice in (another file of the corpus). */
export function mutate(random: Random, text: string, donor: string): string {
  const lines = text.split('\n');
  const donorLines = donor.split('\n');
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count && lines.length > 0; i += 1) {
    const at = Math.floor(random() * lines.length);
    switch (Math.floor(random() * 6)) {
      case 0:
        lines.splice(at, 1 + Math.floor(random() * 5));
        break;
      case 1: {
        // A line repeated, as a retransmission burst or a bad copy does.
        const repeats = Math.floor(random() * 50);
        const repeated = lines[at] ?? '';
        for (let r = 0; r < repeats; r += 1) lines.splice(at, 0, repeated);
        break;
      }
      case 2: {
        const other = Math.floor(random() * lines.length);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        break;
      }
      case 3:
        lines.splice(at, 0, pick(random, donorLines));
        break;
      case 4:
        // Two lines glued into one, as a lost newline does.
        lines.splice(at, 2, `${lines[at] ?? ''}${lines[at + 1] ?? ''}`);
        break;
      default:
        lines[at] = mutateLine(random, lines[at] ?? '');
    }
  }
  return lines.join(random() < 0.1 ? '\r\n' : '\n');
}
