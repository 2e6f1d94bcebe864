/** Who is who in an IKE exchange: the protocol role that sent a message, or that a router played. */
export type Side = 'initiator' | 'responder';

/** A negotiation's role as the log shows it: one side, both (two routers' logs merged), or not shown. */
export type Role = Side | 'both' | 'unknown';

/**
 * What a lane or a panel calls a router of a negotiation whose role is `role`: its side, or, when the log does not
 * show which router initiated, that it does not (the lanes are then only places, not roles).
 */
export function sideWord(role: Role, side: Side): string {
  return role === 'unknown' ? 'role not shown' : side;
}

/** Both sides, initiator first (the order lifelines and reports use). */
export const SIDES: readonly Side[] = ['initiator', 'responder'];

/** The opposite protocol role. */
export function otherSide(side: Side): Side {
  return side === 'initiator' ? 'responder' : 'initiator';
}
