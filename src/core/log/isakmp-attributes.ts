/** Proposal attribute lines of phase 1 and phase 2 (`encryption AES-CBC`, `encaps is 1`, `life duration (VPI) of ...`). */
import { decodeVpiBytes } from '../ike/numbers.ts';
import type { IkeEventBody, P1Attribute } from './events.ts';

const VPI = /^(SA )?life duration \(VPI\) of +((?:0x[\da-f]{1,2} ?){1,6})$/i;
const BASIC = /^(SA )?life duration \(basic\) of (\d+)$/;

export function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Phase 1 proposal attribute lines (`encryption AES-CBC`, `keylength of 256`, `default group 14`...). */
export function p1Attribute(t: string): IkeEventBody | null {
  const space = t.indexOf(' ');
  if (space < 0) return null;
  const word = t.slice(0, space);
  const rest = t.slice(space + 1).trim();
  const attr = (a: P1Attribute, value: string, n: number | null): IkeEventBody => ({ type: 'p1-attr', attr: a, value, number: n });
  switch (word) {
    case 'encryption':
      return attr('encryption', rest, null);
    case 'hash':
      return attr('hash', rest, null);
    case 'auth':
      return attr('auth', rest, null);
    case 'keylength':
      return rest.startsWith('of ') ? attr('keyLength', rest.slice(3), num(rest.slice(3))) : null;
    case 'default':
    case 'group':
      if (word === 'default' && !rest.startsWith('group ')) return null;
      {
        const g = word === 'default' ? rest.slice(6) : rest;
        const n = num(g);
        return n === null ? null : attr('group', g, n);
      }
    case 'life':
      if (rest.startsWith('type in ')) return attr('lifeType', rest.slice(8), null);
      return null;
    default:
      return null;
  }
}

export function p2Attribute(t: string): IkeEventBody | null {
  if (t.startsWith('encaps is ')) {
    const v = t.slice(10);
    return { type: 'p2-attr', attr: 'encaps', value: v, number: num(v.split(' ')[0]) };
  }
  if (t.startsWith('SA life type in ')) return { type: 'p2-attr', attr: 'lifeType', value: t.slice(16), number: null };
  if (t.startsWith('authenticator is ')) return { type: 'p2-attr', attr: 'authenticator', value: t.slice(17), number: null };
  if (t.startsWith('key length is ')) return { type: 'p2-attr', attr: 'keyLength', value: t.slice(14), number: num(t.slice(14)) };
  if (t.startsWith('group is ')) return { type: 'p2-attr', attr: 'group', value: t.slice(9), number: num(t.slice(9)) };
  return null;
}

export function lifeDuration(t: string): IkeEventBody | null {
  let m = VPI.exec(t);
  if (m) {
    const value = decodeVpiBytes((m[2] ?? '').trim().split(/ +/));
    return m[1]
      ? { type: 'p2-attr', attr: 'lifeDuration', value: (m[2] ?? '').trim(), number: value }
      : { type: 'p1-attr', attr: 'lifeDuration', value: (m[2] ?? '').trim(), number: value };
  }
  m = BASIC.exec(t);
  if (m) {
    const value = num(m[2]);
    return m[1]
      ? { type: 'p2-attr', attr: 'lifeDuration', value: m[2] ?? '', number: value }
      : { type: 'p1-attr', attr: 'lifeDuration', value: m[2] ?? '', number: value };
  }
  return null;
}

export function lifetime(kind: 'actual' | 'offered' | 'returned' | 'timer' | 'basic' | 'fill', text: string): IkeEventBody | null {
  const n = num(text.replace(/\.$/, '').trim());
  return n === null ? null : { type: 'p1-lifetime', kind, seconds: n };
}
