/** The events a negotiation keeps as evidence for the diagnosis rules. */
import type { IkeEvent } from '../log/events.ts';

/**
 * Events a diagnosis rule reads, kept with the negotiation as its evidence: refusals and errors, the proposals
 * themselves (which algorithms, which lifetimes, for the weak-crypto and lifetime rules), and events of a
 * common type that still matter to a rule: a delete, a missing key, a notify, NAT.
 */
export function isNotable(e: IkeEvent): boolean {
  switch (e.type) {
    case 'error':
    case 'p1-mismatch':
    case 'p1-rejected':
    case 'p2-rejected':
    case 'ipsec-rejected':
    case 'retransmit':
    case 'duplicate':
    case 'syslog':
    case 'p1-check':
    case 'p1-attr':
    case 'p1-atts':
    case 'p1-lifetime':
    case 'p2-transform':
    case 'p2-attr':
    case 'p2-atts':
      return true;
    case 'payload':
      return e.payload === 'DELETE';
    case 'psk':
      return !e.found;
    case 'notify':
      return e.notify !== 'INITIAL_CONTACT';
    case 'nat':
      return e.detected === true;
    case 'sa':
      return e.action === 'deleted';
    default:
      return false;
  }
}
