/** The events a negotiation keeps as evidence for the diagnosis rules. */
import { harmlessBecause } from '../ike/harmless-lines.ts';
import type { IkeEvent } from '../log/events.ts';

/** A PROPOSAL_NOT_CHOSEN, a refused transform or proxy, an error 256 or 32: what a Quick Mode refusal is made of. */
export function isQuickModeRefusal(e: IkeEvent): boolean {
  return (e.type === 'notify' && e.notify !== 'INITIAL_CONTACT') || e.type === 'ipsec-rejected' || e.type === 'p2-rejected' || (e.type === 'p2-atts' && !e.acceptable);
}

/**
 * Events a diagnosis rule reads, kept with the negotiation as its evidence: refusals and errors, the proposals
 * themselves (which algorithms, which lifetimes, for the weak-crypto and lifetime rules), and events of a
 * common type that still matter to a rule: a delete, a missing key, a notify, NAT; after a refusal, where a
 * Quick Mode attempt starts and the lines that prove its proposal was accepted (the refusal was recovered
 * from); beside other evidence, the harmless lines a finding explains as red herrings. `held`: whether the
 * draft's evidence holds anything yet, `refused`: whether it holds a Quick Mode refusal.
 */
export function isNotable(e: IkeEvent, held: boolean, refused: boolean): boolean {
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
    case 'ipsec-sa':
    case 'ipsec-installed':
      return refused;
    case 'fsm-state':
      return refused && e.to === 'IKE_QM_PHASE2_COMPLETE';
    case 'node':
      return refused && ((e.action === 'new' && e.node !== 0) || (e.action === 'deleted' && e.reason !== null && e.reason.startsWith('QM done')));
    case 'begin':
      return refused && e.mode === 'quick';
    case 'ipsec-request':
      return refused && e.kind === 'sa_request';
    case 'info':
      return (refused && e.text.startsWith('Map Accepted')) || (held && harmlessBecause(e.text) !== null);
    default:
      return false;
  }
}
