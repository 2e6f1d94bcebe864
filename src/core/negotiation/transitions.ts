/**
 * State changes: each `Old State = … New State = …` line with the input printed before it, kept in phase 1 or
 * in the Quick Mode it belongs to, and what it tells of the side, the mode and the outcome.
 */
import type { LineRef } from '../ike/line-ref.ts';
import { sideOfState } from '../ike/vocabulary.ts';
import type { Draft } from './draft.ts';
import { setSide } from './message-lines.ts';
import { becomeAggressive } from './phase1-messages.ts';
import { phase2ById } from './quick-mode.ts';

export function transition(d: Draft, from: string, to: string, at: LineRef, time: number | null): void {
  const input = d.input;
  d.input = null;
  const node = input?.node ?? null;
  const quick = node !== null || from.startsWith('IKE_QM') || to.startsWith('IKE_QM');
  const side = sideOfState(to) ?? sideOfState(from);
  const t = {
    from,
    to,
    input: input?.text ?? '',
    line: at,
    allowed: null,
    side: side ?? d.side ?? 'initiator',
    inputLine: input?.line ?? null,
    time,
    node,
  };
  if (quick) {
    const p = node !== null ? phase2ById(d, node) : (d.activePhase2 ?? d.phase2[d.phase2.length - 1] ?? phase2ById(d, 0));
    p.quick = true;
    if (side !== null) p.side = side;
    t.side = p.side ?? t.side;
    p.transitions.push(t);
    d.activePhase2 = p;
    if (to === 'IKE_QM_PHASE2_COMPLETE') p.complete = true;
    if (from === 'IKE_QM_READY' && to === 'IKE_QM_READY' && input?.text.endsWith('IKE_QM_EXCH')) p.failed = true;
    d.p1Complete = true;
    return;
  }
  if (side !== null) setSide(d, side, 3);
  t.side = d.side ?? t.side;
  d.transitions.push(t);
  if (to.indexOf('_AM') >= 0 || from.indexOf('_AM') >= 0) becomeAggressive(d);
  if (to === 'IKE_P1_COMPLETE') d.p1Complete = true;
  if (to === 'IKE_DEST_SA' && !d.p1Complete) d.p1Failed = true;
}
