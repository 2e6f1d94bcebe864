/**
 * Continuation lines: which ones a record's first line announces (an ID payload's fields, an IPSEC(...) block,
 * `authenticated`, a NOTIFY's `spi ...`, a line wrapped at 80 columns), and whether the next line is one.
 */
import { cutAfterEnds } from './asa-ikev2-syslog.ts';
import { parseHead, type Head } from './head.ts';
import type { Lexed } from './lex.ts';
import { continuesIkev2 } from './ikev2/continuation.ts';

/** What kind of continuation lines an open record accepts. */
export type Continuation = 'none' | 'id' | 'ipsec' | 'auth' | 'notify' | 'contact' | 'identity' | 'mapdb' | 'legacy' | 'wrap' | 'replay' | 'fields' | 'ikev2';

export interface OpenRecord {
  index: number;
  line: number;
  body: string;
  time: number | null;
  head: Head | null;
  accepts: Continuation;
  /** bodies of the continuation lines */
  more: string[];
  rawFirst: string;
}

/** `R1#`, `R1(config)#`, and an ASA's security context after its name: `ciscoasa/vpn(config)#`. */
export const PROMPT = /^([a-z][\w.-]{0,62}(?:\/[\w.-]{1,32})?)(?:\([\w-]{1,40}\))?#(.*)$/i;
const ID_FIELD = /^(?:next-payload|type|address|protocol|port|length)\s*:/;
const MAPDB_FIELD = /^(?:(?:src|dst) (?:addr|port)|protocol)\s*:/;

export function continues(open: OpenRecord, lexed: Lexed, raw: string): boolean {
  const body = lexed.body;
  // an author's list item under a record (`  • CFG_Req includes …`) is prose, unless the record's own line is one
  const mark = listMark(raw);
  if (mark !== 0 && mark !== listMark(open.rawFirst)) return false;
  switch (open.accepts) {
    case 'id': {
      if (ID_FIELD.test(body)) return true;
      const head = parseHead(body);
      return head !== null && head.facility === 'ISAKMP' && ID_FIELD.test(head.text);
    }
    case 'ipsec':
      if (lexed.stamped) return false;
      if (body.charCodeAt(0) === 40) return !body.startsWith('(ipsec_');
      return body.indexOf('=') > 0 && parseHead(body) === null && !PROMPT.test(body);
    case 'auth':
      return !lexed.stamped && (body.startsWith('authenticated') || body.startsWith('not authenticated'));
    case 'notify':
      return !lexed.stamped && body.startsWith('spi ');
    case 'contact':
      return !lexed.stamped && body.startsWith('bring down');
    case 'identity':
      return !lexed.stamped && body.charCodeAt(0) === 123;
    case 'mapdb':
      return !lexed.stamped && MAPDB_FIELD.test(body);
    case 'legacy':
      return !lexed.stamped && body.startsWith('(proxy');
    case 'replay':
      return !lexed.stamped && body.startsWith('connection id=');
    case 'fields':
      // the message's fields go on, at whatever indent the page left, until its last one has come
      return !lexed.stamped && open.more.length < 2 && body.indexOf('=') > 0 && parseHead(body) === null && !PROMPT.test(body) && !hasLastField(open);
    case 'ikev2':
      return parseHead(body) === null && !PROMPT.test(body) && continuesIkev2(open.body, open.more, lexed, raw, open.rawFirst);
    case 'wrap':
      return !lexed.stamped && lexed.indent === 0 && raw.length > 0 && raw.charCodeAt(0) !== 32 && parseHead(body) === null && !PROMPT.test(body) && open.more.length === 0;
    default:
      return false;
  }
}

/**
 * The list mark a line starts with after its indent, or 0: a bullet (`•`, `‣`, `◦`, `▪`, `▶`) or an arrow, star
 * or dingbat authors put before a line, or `-`, `*`, `–` before a space (Markdown's and word processors' lists).
 * IOS prints none of them at the start of a line it continues.
 */
export function listMark(raw: string): number {
  let i = 0;
  while (i < raw.length && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i += 1;
  const c = raw.charCodeAt(i);
  if (c === 45 || c === 42 || c === 0x2013) return raw.charCodeAt(i + 1) === 32 ? c : 0;
  if (c === 0x2022 || c === 0x2023 || c === 0x2043 || (c >= 0x25a0 && c <= 0x25ff)) return c;
  return (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) ? c : 0;
}

/** Which continuation lines a record's first line announces. */
export function accepts(head: Head | null, body: string, raw: string): Continuation {
  if (head === null) {
    if (body.startsWith('inbound SA from') || body.startsWith('outbound SA from')) return 'legacy';
    return raw.length === 80 ? 'wrap' : 'none';
  }
  const t = head.text;
  switch (head.facility) {
    case 'IPSEC':
      if (t.endsWith(',') || t.endsWith(', ')) return 'ipsec';
      if (t.endsWith('identity:') || t.endsWith('idenitty:')) return 'identity';
      return raw.length === 80 ? 'wrap' : 'none';
    case 'MAPDB':
      return 'mapdb';
    case 'IKEV2':
      return 'ikev2';
    case 'ISAKMP':
    case 'ISAKMP-PAK':
    case 'ISAKMP-ERROR':
      // dispatch on the first letter: most ISAKMP lines announce no continuation and pay one comparison
      switch (t.charCodeAt(0)) {
        case 73 /* I */:
          if (t.startsWith('ID payload')) return 'id';
          break;
        case 83 /* S */:
          if (t.startsWith('SA authentication status')) return 'auth';
          if (t.startsWith('Sending NOTIFY')) return 'notify';
          break;
        case 112 /* p */:
          if (t.startsWith('processing NOTIFY')) return 'notify';
          break;
        case 115 /* s */:
          if (t.startsWith('sending NOTIFY')) return 'notify';
          break;
        case 80 /* P */:
          if (t.startsWith('Process initial contact')) return 'contact';
          break;
        default:
          break;
      }
      return raw.length === 80 ? 'wrap' : 'none';
    case 'PKI':
      // a document breaks `CRYPTO_PKI: Unable to locate cert record by` + `issuername` at any width
      return 'wrap';
    case 'SYSLOG':
      // `%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed` prints `connection id=29, sequence number=219` below it
      if (t.startsWith('%CRYPTO-4-PKT_REPLAY_ERR')) return 'replay';
      // a page broke the message before its last field (a mail archive's or a document's width)
      if (t.startsWith('%CRYPTO-4-RECVD_PKT_') && t.indexOf(lastField(t)) < 0) return 'fields';
      // a page breaks the ASA's IKEv2 messages after their ends, before the text
      return raw.length === 80 || cutAfterEnds(t) ? 'wrap' : 'none';
    default:
      return raw.length === 80 ? 'wrap' : 'none';
  }
}

/**
 * The field a crypto message about a received packet ends with: RECVD_PKT_INV_SPI's `…, spi=…, srcaddr=A[, input
 * interface=I]` and RECVD_PKT_NOT_IPSEC's `… src_addr= A, prot= 47`. A message without it was broken before it.
 */
function lastField(text: string): string {
  return text.startsWith('%CRYPTO-4-RECVD_PKT_NOT_IPSEC') ? 'prot=' : 'srcaddr=';
}

function hasLastField(open: OpenRecord): boolean {
  const field = lastField(open.body.slice(open.body.indexOf('%')));
  return open.body.indexOf(field) >= 0 || open.more.some((m) => m.indexOf(field) >= 0);
}

/** An ID block line as `field: value`, whether printed bare or behind an `ISAKMP: (1001):` prefix. */
export function idText(body: string): string {
  const head = parseHead(body);
  return head === null ? body : head.text.trim();
}
