/**
 * The event of a line read before, for a new occurrence: a copy of the cached body with its own place.
 * One object literal per event type, so that each copy site sees one shape: a spread over the dozen and
 * more shapes of cached events is a generic copy, several times slower, and it runs for most lines of a log.
 */
import type { LineRef } from '../ike/line-ref.ts';
import type { IkeEvent, IkeEventBody } from './events.ts';

export function recurringEvent(b: IkeEventBody, at: LineRef, record: number, time: number | null, conn: number | null): IkeEvent {
  switch (b.type) {
    case 'fsm-state':
      return { type: b.type, from: b.from, to: b.to, at, record, time, conn };
    case 'fsm-input':
      return { type: b.type, source: b.source, event: b.event, node: b.node, at, record, time, conn };
    case 'payload':
      return { type: b.type, payload: b.payload, messageId: b.messageId, detail: b.detail, at, record, time, conn };
    case 'info':
      return { type: b.type, text: b.text, at, record, time, conn };
    case 'vendor':
      return { type: b.type, vendor: b.vendor, dir: b.dir, mismatch: b.mismatch, at, record, time, conn };
    case 'p1-attr':
      return { type: b.type, attr: b.attr, value: b.value, number: b.number, at, record, time, conn };
    case 'p2-attr':
      return { type: b.type, attr: b.attr, value: b.value, number: b.number, at, record, time, conn };
    case 'p1-lifetime':
      return { type: b.type, kind: b.kind, seconds: b.seconds, at, record, time, conn };
    case 'packet-sent':
      return { type: b.type, ipVersion: b.ipVersion, at, record, time, conn };
    case 'begin':
      return { type: b.type, mode: b.mode, node: b.node, at, record, time, conn };
    case 'nat':
      return { type: b.type, detected: b.detected, text: b.text, at, record, time, conn };
    case 'p1-check':
      return { type: b.type, transform: b.transform, priority: b.priority, at, record, time, conn };
    case 'p1-atts':
      return { type: b.type, acceptable: b.acceptable, next: b.next, at, record, time, conn };
    case 'p2-atts':
      return { type: b.type, acceptable: b.acceptable, at, record, time, conn };
    case 'p2-proposal':
      return { type: b.type, proposal: b.proposal, at, record, time, conn };
    case 'p2-transform':
      return { type: b.type, transform: b.transform, name: b.name, at, record, time, conn };
    case 'auth':
      return { type: b.type, authenticated: b.authenticated, at, record, time, conn };
    default:
      return { ...b, at, record, time, conn };
  }
}
