/**
 * Which message a line belongs to: lines printed while a message is being built go to the next packet sent,
 * the others to the message the router handled last. Also the payloads a line adds and the side it tells.
 */
import type { LineRef } from '../ike/line-ref.ts';
import type { PayloadSummary } from '../analysis.ts';
import type { PayloadType } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import type { Draft, DraftMessage } from './draft.ts';

/** Lines printed while a message is being built: they belong to the next packet sent. */
const BUILDING_INFO = ['Send initial contact', 'SA is doing', 'pre-shared key authentication', 'Total payload length', 'QM Initiator gets spi'];

export function isBuildingInfo(text: string): boolean {
  for (const start of BUILDING_INFO) if (text.startsWith(start)) return true;
  return false;
}

/** Lines of a message that is being built: they belong to the next packet sent. */
export function buildLine(d: Draft, at: LineRef): void {
  d.building = true;
  pushLine(d.pending, at);
}

export function attach(d: Draft, at: LineRef): void {
  if (d.building) pushLine(d.pending, at);
  else if (d.current) pushLine(d.current.lines, at);
  else pushLine(d.pending, at);
}

export function payload(d: Draft, type: PayloadType, detail: string | null, at: LineRef, merge = false): void {
  if (d.building) {
    pushLine(d.pending, at);
    return;
  }
  const m = d.current;
  if (!m) {
    pushLine(d.pending, at);
    return;
  }
  pushLine(m.lines, at);
  if (merge && detail !== null && nameFirstUnnamed(m, type, detail) !== null) return;
  addPayloadTo(m.payloads, type, detail, at);
}

/**
 * A vendor ID named: `vendor ID is DPD` right after the `processing vendor id payload` it names. IOS may
 * first say what the payload seems to be (`vendor ID seems Unity/DPD but major 69 mismatch`) and then what it is (`vendor ID is
 * NAT-T RFC 3947`): two lines about one payload, the second name replacing the first, not a second payload.
 */
export function vendorNamed(d: Draft, vendor: string, at: LineRef, seems: boolean): void {
  const m = d.building ? null : d.current;
  if (m === null) {
    pushLine(d.pending, at);
    return;
  }
  pushLine(m.lines, at);
  // IOS names a vendor ID right after the line that processed it: the message's latest payload
  const latest = m.payloads[m.payloads.length - 1];
  if (latest !== undefined && latest.type === 'VID' && (latest.detail === null || latest === m.seemingVendor)) {
    latest.detail = vendor;
    m.seemingVendor = seems ? latest : null;
    return;
  }
  addPayloadTo(m.payloads, 'VID', vendor, at);
  m.seemingVendor = seems ? (m.payloads[m.payloads.length - 1] ?? null) : null;
}

/**
 * `vendor ID is DPD` after `processing vendor id payload`: the detail of the first payload of its type still
 * without one. The search starts where the unnamed payloads start, so a long run of named ones is passed once.
 */
function nameFirstUnnamed(m: DraftMessage, type: PayloadType, detail: string): PayloadSummary | null {
  const list = m.payloads;
  while (m.firstUnnamed < list.length && list[m.firstUnnamed]?.detail !== null) m.firstUnnamed += 1;
  for (let i = m.firstUnnamed; i < list.length; i += 1) {
    const p = list[i];
    if (p && p.type === type && p.detail === null) {
      p.detail = detail;
      return p;
    }
  }
  return null;
}

export function addPayloadTo(list: DraftMessage['payloads'], type: PayloadType, detail: string | null, at: LineRef): void {
  list.push({ type, detail, line: at });
}

export function setSide(d: Draft, side: Side, weight: number): void {
  if (weight >= d.sideWeight) {
    if (d.side !== side && weight === d.sideWeight && d.side !== null) return;
    d.side = side;
    d.sideWeight = weight;
  }
}

/**
 * Adds a line to a message's lines, once: the records run together in one physical line (a flattened paste)
 * each name that line, and the line belongs to the message once.
 */
function pushLine(lines: LineRef[], at: LineRef): void {
  const last = lines[lines.length - 1];
  if (last === undefined || last.line !== at.line || last.file !== at.file) lines.push(at);
}
