/** The meaning of IPSEC(...) key-engine records, joined with their continuation lines. */
import { parseSpiHex, spiHex } from '../ike/numbers.ts';
import type { AddressBook } from './addresses.ts';
import { asaIkev2Message } from './asa-ikev2-syslog.ts';
import { tunnelStatus } from './tunnel-status.ts';
import type { IkeEventBody } from './events.ts';

const LIFEDUR = /^(\d+)s and (\d+)kb/;
const SA_LIFETIME = /sa_lifetime\(k\/sec\)= ?\((\d+)\/(\d+)\)/;
const SPI_FIELD = /^(0x[\da-f]{1,8})\(\d+\)/i;

/** `key= value, key= value` pairs of a key-engine block (values trimmed of the trailing comma). */
export function keyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let prevKey: string | null = null;
  let prevEnd = 0;
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    let k = eq;
    while (k > 0 && isKeyChar(text.charCodeAt(k - 1))) k -= 1;
    if (k === eq) continue;
    if (prevKey !== null) out.set(prevKey, trimValue(text.slice(prevEnd, k)));
    prevKey = text.slice(k, eq);
    prevEnd = text.charCodeAt(eq + 1) === 32 ? eq + 2 : eq + 1;
  }
  if (prevKey !== null) out.set(prevKey, trimValue(text.slice(prevEnd)));
  return out;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 95;
}

function trimValue(v: string): string {
  let end = v.length;
  while (end > 0) {
    const c = v.charCodeAt(end - 1);
    if (c === 32 || c === 44 || c === 9) end -= 1;
    else break;
  }
  let start = 0;
  while (start < end && v.charCodeAt(start) === 32) start += 1;
  return v.slice(start, end);
}

/** The first token of a value: up to a space, a comma or an opening parenthesis (an author's note). */
function first(v: string | undefined): string | null {
  if (v === undefined || v.length === 0) return null;
  let end = 0;
  while (end < v.length) {
    const c = v.charCodeAt(end);
    if (c === 32 || c === 44 || (c === 40 && end > 0)) break;
    end += 1;
  }
  return end === 0 ? null : v.slice(0, end);
}

/** Splits `esp-aes esp-sha-hmac  (Tunnel)` into transform and mode; an author's note after the mode is neither. */
function transformAndMode(v: string | undefined): [string | null, string | null] {
  if (v === undefined) return [null, null];
  const open = v.indexOf('(');
  if (open < 0) return [v.trim() || null, null];
  const close = v.indexOf(')', open);
  return [v.slice(0, open).trim() || null, v.slice(open + 1, close < 0 ? v.length : close).trim() || null];
}

function spiOf(v: string | undefined): string | null {
  if (v === undefined) return null;
  const m = SPI_FIELD.exec(v);
  if (m) return spiHex(parseSpiHex(m[1] ?? '') ?? 0);
  return first(v);
}

/** State kept between records for the 12.4 `inbound SA from ...` / `has spi ...` line pairs. */
export interface IpsecContext {
  legacyDirection: 'inbound' | 'outbound' | null;
  legacyDest: string | null;
}

/** `transform proposal not supported for identity`, and 12.2's `transform proposal (prot 3, trans 3, hmac_alg 2) not supported`. */
const TRANSFORM_REFUSED = /transforma? proposal (?:\([^)]*\) )?not supported/;

export function ipsecEvent(fn0: string | null, text: string, book: AddressBook): IkeEventBody | null {
  // Markdown escapes the underscores of a function name in a published post (`vaidate\_proposal`)
  const fn = fn0 !== null && fn0.indexOf('\\') >= 0 ? fn0.replace(/\\_/g, '_') : fn0;
  switch (fn) {
    case 'sa_request':
      return request('sa_request', text, book);
    case 'validate_proposal_request':
      if (text.indexOf('=') < 0) return { type: 'info', text: `validate_proposal_request: ${text}` };
      return request('validate', text, book);
    case 'initialize_sas':
      return request('initialize', text, book);
    case 'create_sa':
      return createSa(text, book);
    case 'adjust_mtu':
    case 'recalculate_mtu':
      return { type: 'info', text, words: 'IPsec recalculates the MTU of the protected path.' };
    case 'update_current_outbound_sa':
      return outboundSa(text, book) ?? { type: 'info', text: `${fn}: ${text}` };
    // 12.2 names it validate_proposal, and misspells it `vaidate_proposal` in one build
    case 'ipsec_process_proposal':
    case 'validate_transform_proposal':
    case 'validate_proposal':
    case 'vaidate_proposal':
      if (TRANSFORM_REFUSED.test(text)) return { type: 'ipsec-rejected', reason: 'transform', text };
      if (text.indexOf('proxy identities not supported') >= 0) return { type: 'ipsec-rejected', reason: 'proxy', text };
      if (text.startsWith('Map Accepted')) return { type: 'info', text };
      return null;
    default:
      break;
  }
  if (fn !== null && fn.startsWith('map_db_find_best')) return { type: 'ipsec-rejected', reason: 'map', text: fn };
  if (text.indexOf('map_db_find_best did not find matching map') >= 0) return { type: 'ipsec-rejected', reason: 'map', text };
  if (fn === 'key_engine' || fn === 'key-engine') {
    if (text.startsWith('request timer fired')) return { type: 'info', text };
    if (text.startsWith('got a queue event')) return { type: 'info', text };
  }
  if (fn !== null) return { type: 'info', text: `${fn}: ${text}` };
  return null;
}

const OUTBOUND_SA = /updated peer (\S+) current outbound sa to SPI (?:0x)?([0-9A-Fa-f]{1,8})\b/;

function outboundSa(text: string, book: AddressBook): IkeEventBody | null {
  const m = OUTBOUND_SA.exec(text);
  if (!m) return null;
  const peer = book.addressWithPort(m[1] ?? '');
  if (peer === null) return null;
  return { type: 'ipsec-outbound', peer, spi: `0x${(m[2] ?? '').toUpperCase()}` };
}

function request(kind: 'sa_request' | 'validate' | 'initialize', text: string, book: AddressBook): IkeEventBody {
  const kv = keyValues(text);
  const direction = text.indexOf('OUTBOUND') >= 0 ? 'OUTBOUND' : text.indexOf('INBOUND') >= 0 ? 'INBOUND' : null;
  const local = first(kv.get('local') ?? kv.get('src'));
  const remote = first(kv.get('remote') ?? kv.get('dest'));
  const [transform, mode] = transformAndMode(kv.get('transform'));
  const life = LIFEDUR.exec(kv.get('lifedur') ?? '');
  return {
    type: 'ipsec-request',
    kind,
    direction,
    local: local === null ? null : book.addressWithPort(local),
    remote: remote === null ? null : book.addressWithPort(remote),
    localProxy: first(kv.get('local_proxy') ?? kv.get('src_proxy')),
    remoteProxy: first(kv.get('remote_proxy') ?? kv.get('dest_proxy')),
    protocol: first(kv.get('protocol')),
    transform: transform === 'NONE' ? null : transform,
    mode,
    lifeSeconds: life ? Number(life[1]) : null,
    lifeKb: life ? Number(life[2]) : null,
    spi: spiOf(kv.get('spi')),
  };
}

function createSa(text: string, book: AddressBook): IkeEventBody | null {
  const kv = keyValues(text);
  const spiText = kv.get('sa_spi');
  if (spiText === undefined) return { type: 'info', text };
  const m = SPI_FIELD.exec(spiText);
  const value = m ? parseSpiHex(m[1] ?? '') : parseSpiHex(first(spiText) ?? '');
  if (value === null) return null;
  const life = SA_LIFETIME.exec(text);
  const dest = first(kv.get('sa_dest'));
  const conn = first(kv.get('sa_conn_id'));
  return {
    type: 'ipsec-sa',
    dest: dest === null ? null : book.address(dest),
    direction: null,
    proto: Number(first(kv.get('sa_proto') ?? kv.get('sa_prot')) ?? NaN) || null,
    spi: spiHex(value),
    spiDecimal: value,
    transform: kv.get('sa_trans')?.trim() || null,
    saConn: conn === null ? null : Number(conn),
    lifetimeKb: life ? Number(life[1]) : null,
    lifetimeSeconds: life ? Number(life[2]) : null,
  };
}

/** 12.4 `Creating IPSec SAs` lines: `inbound SA from A to B ...`, `has spi 0x... and conn_id ...`, `lifetime of N seconds`. */
export function legacySaEvent(text: string, ctx: IpsecContext, book: AddressBook): IkeEventBody | null {
  if (text.startsWith('inbound SA from ') || text.startsWith('outbound SA from ')) {
    ctx.legacyDirection = text.charCodeAt(0) === 105 ? 'inbound' : 'outbound';
    const m = /^\w+ SA from \S+ to (\S+)/.exec(text);
    ctx.legacyDest = m?.[1] ? book.address(m[1]) : null;
    return { type: 'info', text };
  }
  if (text.startsWith('has spi ')) {
    const m = /^has spi (0x[\da-f]{1,8}|\d+) and conn_id (\d+)/i.exec(text);
    if (!m) return null;
    const raw = m[1] ?? '';
    const value = raw.startsWith('0x') || raw.startsWith('0X') ? parseSpiHex(raw) : Number(raw);
    if (value === null || !Number.isFinite(value)) return null;
    return {
      type: 'ipsec-sa',
      dest: ctx.legacyDest,
      direction: ctx.legacyDirection,
      proto: 50,
      spi: spiHex(value),
      spiDecimal: value,
      transform: null,
      saConn: Number(m[2]),
      lifetimeKb: null,
      lifetimeSeconds: null,
    };
  }
  if (text.startsWith('lifetime of ') || text.startsWith('has client flags')) return { type: 'info', text };
  // some releases print the crypto map lookup without its `IPSEC(...)` prefix: the proxies match no map entry
  if (text.startsWith('map_db_find_best did not find matching map')) return { type: 'ipsec-rejected', reason: 'map', text };
  return null;
}

const SYSLOG = /^%([A-Z][\dA-Z_]*)-(\d)-([\dA-Z_]+): ?(.*)$/;

/**
 * What tells two messages of one mnemonic and peer apart, when their text decides what they mean (a tunnel up or
 * down, the error an ASA's 750003 quotes); '' when the mnemonic alone does (IKMP_BAD_MESSAGE, RECVD_PKT_INV_SPI).
 */
export function syslogGist(e: { facility: string; mnemonic: string; text: string }): string {
  const status = e.facility === 'CRYPTO' ? tunnelStatus(e.mnemonic, e.text) : null;
  if (status !== null) return status.up ? 'up' : 'down';
  return asaIkev2Message(e.facility, e.mnemonic, e.text)?.message ?? '';
}

/**
 * IOS-XE's data plane (the QFP's `cpp_cp` process) logs its IPsec messages inside a platform message:
 * `%IOSXE-3-PLATFORM: R0/0: cpp_cp: QFP:0.0 Thread:000 TS:00000… %IPSEC-3-REPLAY_ERROR: IPSec SA receives …`.
 */
const PLATFORM_INNER = / (%[A-Z][\dA-Z_]*-\d-[\dA-Z_]+:.*)$/;

export function syslogEvent(text: string, book: AddressBook): IkeEventBody | null {
  const m = SYSLOG.exec(text);
  if (!m) return null;
  const facility = m[1] ?? '';
  const mnemonic = m[3] ?? '';
  const message = m[4] ?? '';
  if (facility === 'IOSXE' && mnemonic === 'PLATFORM') {
    // the message it carries is the one to read; a platform message carrying none is read as itself
    const inner = PLATFORM_INNER.exec(message);
    const read = inner?.[1] !== undefined ? syslogEvent(inner[1], book) : null;
    if (read !== null) return read;
  }
  if (facility === 'LINEPROTO' && mnemonic === 'UPDOWN') {
    const lp = /^Line protocol on Interface (\S+), changed state to (\w+)/.exec(message);
    if (lp) return { type: 'line-protocol', iface: lp[1] ?? '', up: lp[2] === 'up' };
  }
  let peer: string | null = null;
  let local: string | null = null;
  const asa = asaIkev2Message(facility, mnemonic, message);
  if (asa !== null) {
    peer = book.address(asa.remote);
    local = book.address(asa.local);
  }
  const status = facility === 'CRYPTO' ? tunnelStatus(mnemonic, message) : null;
  if (status !== null) peer = book.address(status.peer);
  else if (facility === 'CRYPTO') {
    // `ID of 192.168.30.2 (type 1) and certificate addr with …`: the identity the peer sent (IKMP_NO_ID_CERT_ADDR_MATCH)
    const from = /(?:from|srcaddr=|^ID of) ?([\d.a-f:]+)/i.exec(message);
    if (from?.[1]) peer = book.address(from[1]);
    // a packet this router received names it as its destination (RECVD_PKT_INV_SPI, RECVD_PKT_NOT_IPSEC)
    const to = /destaddr=([\d.a-f:]+)/i.exec(message);
    if (to?.[1]) local = book.address(to[1]);
  }
  if (facility === 'IPSEC') {
    // the data plane's `src_addr 192.0.2.1, dest_addr 198.51.100.1` (REPLAY_ERROR) or `srcaddr=… destaddr=…`: an ESP packet received
    const from = /src_?addr[= ]([\d.a-f:]+)/i.exec(message);
    if (from?.[1]) peer = book.address(from[1]);
    const to = /dest_?addr[= ]([\d.a-f:]+)/i.exec(message);
    if (to?.[1]) local = book.address(to[1]);
  }
  return { type: 'syslog', facility, severity: Number(m[2]), mnemonic, text: message, peer, local };
}
