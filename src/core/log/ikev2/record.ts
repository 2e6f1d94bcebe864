/**
 * ikev2Record: the event of one IKEv2 record (its first line and continuation lines). The ASA prints messages
 * run together without line endings (`… AUTHENTICATION_FAILEDIKEv2-PROTO-2: (16): Building packet …`) and
 * prefixes continuation lines with its SA tag (`(16): `): the record is cut into its messages at each glued
 * prefix, each read on its own; the first is the record's meaning, the others follow it.
 */
import type { IkeEventBody } from '../events.ts';
import type { Ikev2Line } from './line.ts';
import { nextGlued, readIkev2Prefix, readTag, type Ikev2Prefix } from './prefix.ts';
import { decodedPayloads, readIkev2Message, trafficSelectors } from './read.ts';
import type { TrafficSelectors } from './line.ts';
import { cutShort, joinWrapped, MAX_WRAPPED } from './wrap.ts';
import { isBlockLine } from './continuation.ts';

interface Segment {
  prefix: Ikev2Prefix | null;
  lines: string[];
}

/** A continuation line without its leading `(n): ` tag. */
function untagged(line: string): string {
  const tag = readTag(line, 0);
  return tag === null ? line : line.slice(tag.end);
}

function segments(first: string, more: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  const add = (text: string, startsRecord: boolean): void => {
    let rest = text;
    let prefix: Ikev2Prefix | null = null;
    if (startsRecord) {
      prefix = readIkev2Prefix(rest);
      if (prefix !== null) rest = rest.slice(prefix.end);
    }
    for (;;) {
      const glued = nextGlued(rest, 0);
      const part = glued < 0 ? rest : rest.slice(0, glued);
      if (prefix !== null || cur === null) {
        cur = { prefix, lines: [part] };
        out.push(cur);
      } else {
        cur.lines.push(part);
      }
      if (glued < 0) return;
      const next = readIkev2Prefix(rest, glued);
      if (next === null) return;
      prefix = next;
      rest = rest.slice(next.end);
    }
  };
  add(first, true);
  for (const line of more) add(untagged(line), false);
  return mergeDecodes(out);
}

/** The ASA glues a packet's header decode to its exchange line (`… REQUESTIKEv2-PROTO-3: (2): Next payload: …`): it stays in the block. */
function mergeDecodes(parts: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const text = (part.lines[0] ?? '').trimStart();
    if (last !== undefined && text.startsWith('Next payload:') && /^(?:Sending|Received) Packet/.test((last.lines[0] ?? '').trimStart())) {
      for (const line of part.lines) last.lines.push(line);
    } else {
      out.push(part);
    }
  }
  return out;
}

/** One segment's meaning; an empty first line takes its meaning from the next (`IKEv2-PLAT-2: ` then the text). */
function readSegment(s: Segment): Ikev2Line | null {
  const lines = s.lines;
  const first = lines[0] ?? '';
  if (first.trim().length === 0 && lines.length > 1) {
    const rest = lines.slice(1);
    const line = readIkev2Message(rest[0] ?? '', rest);
    if (line !== null) return line;
  }
  return readIkev2Message(first, lines);
}

/** How many of `more` are the rest of a first line cut short (by a terminal at 80 columns, or a document at a space). */
function wrappedRest(first: string, more: readonly string[], terminal: boolean): number {
  if (terminal) return 1;
  let n = 0;
  while (n < MAX_WRAPPED && n < more.length && !isBlockLine(more[n] ?? '') && cutShort(joinWrapped(first, more.slice(0, n), false))) n += 1;
  return n;
}

/** `wrapped`: the first line was cut at 80 columns and its rest is the first continuation line. */
export function ikev2Record(first: string, more: readonly string[], wrapped = false): IkeEventBody | null {
  const n = more.length === 0 ? 0 : wrappedRest(first, more, wrapped);
  const parts = n > 0 ? segments(joinWrapped(first, more.slice(0, n), wrapped), more.slice(n)) : segments(first, more);
  const head = parts[0];
  if (head === undefined || head.prefix === null) return null;
  const line = readSegment(head);
  if (line === null) return null;
  const also: Ikev2Line[] = [];
  const decoded: string[] = [];
  let decodedSelectors: TrafficSelectors | null = null;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (part === undefined) continue;
    const read = i === 0 ? line : readSegment(part);
    if (read !== null && i > 0) also.push(read);
    // a packet block and a cleartext list name their own payloads; so does IOS's header decode of the packet just
    // printed (`IKEv2:(…):Next payload: SA, version: 2.0 …`, then ` SA  Next payload: KE, …`); others may decode a
    // decrypted message's
    if (read?.kind !== 'packet' && read?.kind !== 'payloads' && read?.kind !== 'decode') {
      const names = decodedPayloads(part.lines);
      for (const name of names) decoded.push(name);
      // a decrypted message's TSi and TSr, decoded after it (`REAL Decrypted packet:` then ` TSi  Next payload: …`)
      if (names.includes('TSi') || names.includes('TSr')) decodedSelectors = trafficSelectors(part.lines, 0) ?? decodedSelectors;
    }
  }
  const p = head.prefix;
  // the event trace's packet lines name no SPI, but both ends, in the prefix
  if (p.ends !== undefined && line.kind === 'packet') {
    line.peer = p.ends.remote;
    line.peerPort = p.ends.remotePort;
    line.local = p.ends.local;
    line.localPort = p.ends.localPort;
  }
  return { type: 'ikev2', facility: p.facility, level: p.level, session: p.session, sa: p.sa, line, also, decoded, decodedSelectors };
}
