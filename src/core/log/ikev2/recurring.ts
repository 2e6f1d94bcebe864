/**
 * IKEv2 lines that recur: the message after the prefix (`Generating IKE_SA_INIT message`, `Found Policy
 * 'default'`) reads the same on every SA, only the prefix's session and SA ID differ. A one-line record's event
 * is a pure function of that text (record.ts), so a message read before is not read again: its line, decoded
 * payloads and words are given again with the new line's prefix.
 */
import type { IkeEvent, IkeEventBody } from '../events.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { hasMessageId } from '../recurring-lines.ts';
import type { Ikev2Line } from './line.ts';
import { nextGlued, readIkev2Prefix, type Ikev2Prefix } from './prefix.ts';

type Ikev2Event = Extract<IkeEventBody, { type: 'ikev2' }>;

/** The prefix and message text of a one-line IKEv2 record, the key its event may be kept by; null when it has none. */
export function recurringIkev2Text(text: string): { prefix: Ikev2Prefix; message: string } | null {
  if (text.length > 200) return null;
  const prefix = readIkev2Prefix(text);
  // the event trace's prefix names both ends, which its packet lines take: such a line is its own
  if (prefix === null || prefix.ends !== undefined) return null;
  return { prefix, message: text.slice(prefix.end) };
}

/** Lines that name one SA's SPIs, addresses, IDs or message: never seen again, kept they would only fill the table. */
const OWN_TO_ONE_SA = new Set<Ikev2Line['kind']>(['packet', 'packet-summary', 'sm', 'decode', 'delete', 'up', 'identity', 'pfkey', 'window']);

/**
 * Whether a message's event may be kept and given again each time the message recurs: one message (none glued
 * to it), and none of one SA's own. Asked when it is kept, so a line found in the table is not scanned again.
 */
export function isRecurringIkev2(body: IkeEventBody, message: string): body is Ikev2Event {
  return body.type === 'ikev2' && body.also.length === 0 && !OWN_TO_ONE_SA.has(body.line.kind) && !hasMessageId(message) && nextGlued(message, 0) < 0;
}

/** The event of a message read before, with the prefix of its new line. Its line and lists are shared: no stage changes an event. */
export function recurringIkev2Event(b: Ikev2Event, p: Ikev2Prefix, at: LineRef, record: number, time: number | null, conn: number | null): IkeEvent {
  return { type: 'ikev2', facility: p.facility, level: p.level, session: p.session, sa: p.sa, line: b.line, also: b.also, decoded: b.decoded, decodedSelectors: b.decodedSelectors, at, record, time, conn };
}
