/** Who is who in an IKE exchange: the protocol role that sent a message, or that a router played. */
export type Side = 'initiator' | 'responder';

/** A negotiation's role as the log shows it: one side, both (two routers' logs merged), or not shown. */
export type Role = Side | 'both' | 'unknown';

/** Both sides, initiator first (the order lifelines and reports use). */
export const SIDES: readonly Side[] = ['initiator', 'responder'];

/** The opposite protocol role. */
export function otherSide(side: Side): Side {
  return side === 'initiator' ? 'responder' : 'initiator';
}
