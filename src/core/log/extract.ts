/**
 * extractEvents: the typed event of one complete record (first line and continuations). Pure apart from the
 * address book (which learns the paste's addresses to repair damaged ones) and the 12.4 SA-line context.
 */
import { repairSpacedIpv6, type AddressBook } from './addresses.ts';
import { eventTraceEntry } from './event-trace.ts';
import type { IkeEventBody } from './events.ts';
import type { Head } from './head.ts';
import { ipsecEvent, legacySaEvent, syslogEvent, type IpsecContext } from './ipsec.ts';
import { isakmpEvent } from './isakmp.ts';
import { isBlockLine } from './ikev2/continuation.ts';
import { ikev2Record } from './ikev2/record.ts';

export interface RecordText {
  head: Head | null;
  /** The first line's body (after timestamp and decorations). */
  first: string;
  /** The continuation lines' bodies. */
  more: readonly string[];
  accepts: string;
  /** The first line as printed, to undo an 80-column wrap re-joined with a space. */
  rawFirst: string;
}

function joined(first: string, more: readonly string[], sep: string): string {
  if (more.length === 0) return first;
  return first + sep + more.join(sep);
}

export function extractRecord(r: RecordText, book: AddressBook, ctx: IpsecContext): IkeEventBody | null {
  const head = r.head;
  if (head === null) {
    const text = joined(r.first, r.more, r.accepts === 'wrap' ? '' : ' ');
    return legacySaEvent(repairSpacedIpv6(text), ctx, book) ?? eventTraceEntry(text);
  }
  switch (head.facility) {
    case 'ISAKMP':
    case 'ISAKMP-PAK':
    case 'ISAKMP-ERROR':
    case 'KMI': {
      if (r.accepts === 'id') return idEvent(r.more, book);
      const text = repairSpacedIpv6(joined(head.text, r.more, r.accepts === 'wrap' ? '' : ' '));
      return isakmpEvent(text, book) ?? unwrapped(head.text, r, book);
    }
    case 'IPSEC': {
      const text = repairSpacedIpv6(joined(head.text, r.more, ' '));
      return ipsecEvent(head.fn, text, book);
    }
    case 'SYSLOG':
      return syslogEvent(repairSpacedIpv6(joined(head.text, r.more, ' ')), book);
    case 'IKEV2':
      // the reader took the line after an 80-column first line as its rest unless it is a block's own line
      return ikev2Record(head.text, r.more, r.rawFirst.length === 80 && r.more.length > 0 && !isBlockLine(r.more[0] ?? ''));
    case 'ENGINE':
      return { type: 'info', text: head.text };
    case 'PKI':
      // the rest of a line broken at a space (a document's width) or inside a token (a terminal's 80 columns)
      return { type: 'info', text: joined(head.text, r.more, r.rawFirst.length === 80 ? '' : ' ') };
    case 'MAPDB':
      return { type: 'info', text: `Crypto map database: matching proxies ${r.more.join(', ')}` };
  }
}

/**
 * A line that a terminal wrapped at 80 columns and a paste re-joined with a space inside a token
 * (`pe er_port`, `213.100.24.7 5`): try without each space near column 80.
 */
function unwrapped(text: string, r: RecordText, book: AddressBook): IkeEventBody | null {
  const raw = r.rawFirst;
  if (raw.length <= 80) return null;
  const offset = raw.indexOf(text);
  if (offset < 0) return null;
  for (let col = 78; col <= 84 && col < raw.length; col += 1) {
    // the wrap column counts from the start of the router's line, which may follow a bullet
    for (const start of [0, raw.indexOf('*'), raw.indexOf('- ') + 2]) {
      const p = start + col;
      if (start < 0 || p <= offset || p >= raw.length || raw.charCodeAt(p) !== 32) continue;
      const fixed = text.slice(0, p - offset) + text.slice(p - offset + 1);
      const e = isakmpEvent(repairSpacedIpv6(fixed), book);
      if (e !== null) return e;
    }
  }
  return null;
}

function idEvent(lines: readonly string[], book: AddressBook): IkeEventBody {
  const e: Extract<IkeEventBody, { type: 'id' }> = { type: 'id', idType: null, address: null, protocol: null, port: null, length: null };
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    const value = repairSpacedIpv6(line.slice(colon + 1).trim());
    const n = Number(value);
    switch (key) {
      case 'type':
        e.idType = Number.isFinite(n) ? n : null;
        break;
      case 'address':
        e.address = book.address(value.split(' ')[0] ?? value);
        break;
      case 'protocol':
        e.protocol = Number.isFinite(n) ? n : null;
        break;
      case 'port':
        e.port = Number.isFinite(n) ? n : null;
        break;
      case 'length':
        e.length = Number.isFinite(n) ? n : null;
        break;
    }
  }
  return e;
}
