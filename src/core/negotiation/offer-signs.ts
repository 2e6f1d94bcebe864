/**
 * Whether the phase 1 SA payload a router is reading is an offer (MM1 or AM1, which the responder checks against
 * its policies) or the answer to one (MM2 or AM2, which the initiator checks against the policy it offered). Both
 * print the same `Checking ISAKMP transform N against priority P policy` lines, and both move on to their next
 * policy after `atts are not acceptable. Next payload is 0`; an answer holds one transform and names one NAT-T
 * version. So only the lines of an offer with more in it tell: a transform payload after the one checked (`Next
 * payload is 3`), a second transform number checked, two NAT-T versions read. When none of these is printed, the
 * lines leave the router's part unknown.
 */
import type { IkeEvent } from '../log/events.ts';

/** What the received phase 1 message being read has shown so far; made anew at each packet line, SA payload or exchange begun. */
export interface OfferSigns {
  /** The transform number checked last. */
  transform: number | null;
  /** The NAT-T versions its vendor IDs name (`NAT-T RFC 3947`, `NAT-T v2`). */
  natT: string[];
  /** A line has shown the message an offer. */
  offer: boolean;
}

export function noOfferSigns(): OfferSigns {
  return { transform: null, natT: [], offer: false };
}

/** ISAKMP's payload type 3: a transform. */
const TRANSFORM_PAYLOAD = 3;

/** Reads one line of the router's log: whether the message being read has now shown itself an offer. */
export function readOfferSigns(signs: OfferSigns, e: IkeEvent): boolean {
  switch (e.type) {
    case 'begin':
    case 'payload':
      // a phase 1 SA payload read, or an exchange begun: another message
      if (e.type === 'payload' && (e.payload !== 'SA' || (e.messageId !== null && e.messageId !== 0))) break;
      signs.transform = null;
      signs.natT.length = 0;
      signs.offer = false;
      return false;
    case 'packet':
      // another message
      signs.transform = null;
      signs.natT.length = 0;
      signs.offer = false;
      return false;
    case 'p1-check': {
      const before = signs.transform;
      signs.transform = e.transform;
      if (before !== null && before !== e.transform) signs.offer = true;
      break;
    }
    case 'p1-atts':
      if (e.next === TRANSFORM_PAYLOAD) signs.offer = true;
      break;
    case 'vendor':
      if (e.dir === 'in' && e.vendor.startsWith('NAT-T') && !signs.natT.includes(e.vendor)) {
        signs.natT.push(e.vendor);
        if (signs.natT.length > 1) signs.offer = true;
      }
      break;
    default:
      break;
  }
  return signs.offer;
}
