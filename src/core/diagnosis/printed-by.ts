/**
 * Which router printed an event, as the protocol side it plays: the builder's answer (`evidenceSides`, from
 * the draft each event was routed to), read here and never guessed again. A merged negotiation holds both
 * routers' events, in two files or in one paste (the seed: R3's output, then R2's); one router's log is all
 * that router's. Null where the builder could not tell: one router's log that shows no role, or events read
 * without a negotiation.
 */
import type { IkeEvent } from '../log/events.ts';
import type { Side } from '../ike/sides.ts';
import type { DiagnosisContext } from './context.ts';
import { perContext } from './memo.ts';

export type SideOf = (e: IkeEvent) => Side | null;

const unknown: SideOf = () => null;

/** The side of each event's router; null where the builder did not know it. */
export const sidesOf = perContext((ctx: DiagnosisContext): SideOf => {
  const n = ctx.negotiation;
  if (n === null) return unknown;
  if (n.role === 'initiator' || n.role === 'responder') {
    const role = n.role;
    return () => role;
  }
  if (n.role === 'unknown') return unknown;
  const sides = new Map<IkeEvent, Side | null>();
  n.evidence.forEach((e, i) => sides.set(e, n.evidenceSides[i] ?? null));
  return (e) => sides.get(e) ?? null;
});

/**
 * Where the router that printed an event stands on the ladder: its side where the builder knows it, else, in one
 * router's log that shows no role, the slot that router is drawn in. For naming that router and placing a finding
 * on its lane; a rule reasoning about who sent what asks `sidesOf`, which does not guess a role.
 */
export function printerSlot(ctx: DiagnosisContext, e: IkeEvent): Side | null {
  const side = sidesOf(ctx)(e);
  if (side !== null) return side;
  const routers = ctx.negotiation?.routers;
  if (!routers || routers.initiator.logged === routers.responder.logged) return null;
  return routers.initiator.logged ? 'initiator' : 'responder';
}
