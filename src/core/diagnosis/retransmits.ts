/**
 * Phase 1 retransmissions grouped into runs (one router resending one message), each with what it most
 * likely means: MM1 never answered (peer unreachable), MM5/MM6 never read (pre-shared keys differ), or a
 * slow or lossy path that the exchange survived or died of. Which message was resent, how many times, and
 * whether its last copy went unanswered are what the negotiation's messages say (resent-messages.ts), as
 * the ladder draws them; the events name the message only where the negotiation shows none.
 */
import type { MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { lookupTable } from '../ike/lookup-table.ts';
import type { IkeEvent } from '../log/events.ts';
import type { DiagnosisContext } from './context.ts';
import { phase1CompletedAfter, type EventOf } from './queries.ts';
import { perContext } from './memo.ts';
import { sidesOf, type SideOf } from './printed-by.ts';
import { lastCopyWentUnanswered, resentBefore, type ResentMessage } from './resent-messages.ts';

/** `refused`: resending after the peer refused the proposal; the refusal is the finding (P1_POLICY_MISMATCH). */
export type RetransmitCause = 'unreachable' | 'psk' | 'path' | 'refused';

export interface RetransmitRun {
  side: Side | null;
  /** The ISAKMP SA state of the resent packet: MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH, AG_INIT_EXCH... */
  state: string | null;
  message: MessageName | null;
  /** Retransmissions, duplicates received and the final delete, in order. */
  events: IkeEvent[];
  retransmissions: number;
  duplicates: number;
  /** `deleting SA reason "Death by retransmission P1"`. */
  death: IkeEvent | null;
  /** The exchange got past this message afterwards. */
  recovered: boolean;
  cause: RetransmitCause;
}

/** For events read without a negotiation: the message a router resends in each state it waits in. */
const MESSAGES: Readonly<Record<Side, Readonly<Record<string, MessageName | undefined>>>> = {
  initiator: lookupTable<MessageName>({ MM_NO_STATE: 'MM1', MM_SA_SETUP: 'MM3', MM_KEY_EXCH: 'MM5', AG_INIT_EXCH: 'AM1', AG_NO_STATE: 'AM1' }),
  responder: lookupTable<MessageName>({ MM_NO_STATE: 'MM2', MM_SA_SETUP: 'MM2', MM_KEY_EXCH: 'MM4', AG_INIT_EXCH: 'AM2' }),
};

export const isDeath = (e: IkeEvent): boolean => e.type === 'sa' && e.action === 'deleted' && e.reason !== null && e.reason.startsWith('Death by retransmission P1');

/** Whether a router's MM1 got an answer after event index `from`. */
function answered(ctx: DiagnosisContext, from: number, side: Side | null, sideOf: SideOf): boolean {
  for (let i = from; i < ctx.events.length; i += 1) {
    const e = ctx.events[i];
    if (!e) continue;
    const mine = side === null || sideOf(e) === side || sideOf(e) === null;
    if (e.type === 'packet' && e.dir === 'in' && mine) return true;
    if (e.type === 'fsm-state' && /^IKE_I_MM[2-6]$/.test(e.to)) return true;
    if (e.type === 'p1-check' || e.type === 'p1-atts' || e.type === 'p1-rejected') return true;
  }
  if (phase1CompletedAfter(ctx, from)) return true;
  return ctx.negotiation?.phase1.messages.some((m) => m.from === 'responder') ?? false;
}

export const phase1Retransmits = perContext(computeRetransmits);

/** An event a run is made of. */
const isResend = (e: IkeEvent): boolean => (e.type === 'retransmit' && e.phase === 1) || (e.type === 'duplicate' && e.phase === 1) || isDeath(e);

function computeRetransmits(ctx: DiagnosisContext): RetransmitRun[] {
  // most negotiations resend nothing: one look at the events instead of following every packet
  if (!ctx.events.some(isResend)) return [];
  const sideOf = sidesOf(ctx);
  const runs = new Map<string, { run: RetransmitRun; first: number }>();
  const lastState = new Map<Side | null, string>();
  const order: { run: RetransmitRun; first: number }[] = [];
  const counts = new Map<RetransmitRun, EventOf<'retransmit'>[]>();
  const runFor = (side: Side | null, state: string | null, index: number) => {
    const key = `${side ?? '-'}|${state ?? '-'}`;
    let r = runs.get(key);
    if (!r) {
      const message = side && state ? (MESSAGES[side][state] ?? null) : null;
      r = { run: { side, state, message, events: [], retransmissions: 0, duplicates: 0, death: null, recovered: false, cause: 'path' }, first: index };
      runs.set(key, r);
      order.push(r);
    }
    return r.run;
  };
  ctx.events.forEach((e, index) => {
    const side = sideOf(e);
    // What this router last sent: a duplicate received means the peer did not get it.
    if (e.type === 'packet' && e.dir === 'out' && e.state !== null) lastState.set(side, e.state);
    if (e.type === 'retransmit' && e.phase === 1) {
      // An error-counter line names no state: it tells the resend of the run just before it.
      const previous = e.state === null ? order.filter((r) => r.run.side === side).at(-1)?.run : undefined;
      const run = previous ?? runFor(side, e.state ?? lastState.get(side) ?? lastSentState(ctx, side, e) ?? null, index);
      run.events.push(e);
      const told = counts.get(run);
      if (told) told.push(e);
      else counts.set(run, [e]);
    } else if (e.type === 'duplicate' && e.phase === 1) {
      const run = runFor(side, lastState.get(side) ?? lastSentState(ctx, side, e) ?? null, index);
      run.events.push(e);
      run.duplicates += 1;
    } else if (isDeath(e)) {
      const existing = order.filter((r) => r.run.side === side || side === null).at(-1);
      const run = existing?.run ?? runFor(side, lastState.get(side) ?? null, index);
      run.events.push(e);
      run.death = e;
    }
  });
  const refused = ctx.events.some(
    (e) => e.type === 'p1-rejected' || (e.type === 'notify' && (e.notify === 'NO_PROPOSAL_CHOSEN' || (e.notify === 'PROPOSAL_NOT_CHOSEN' && e.protocol === 1))),
  );
  for (const { run, first } of order) {
    const told = counts.get(run) ?? [];
    const resent = resentMessageOf(ctx, run, told);
    if (resent !== null) run.message = resent.name;
    // the resends the ladder draws; where it draws none (the resent packets' lines not printed), the events' count
    run.retransmissions = resent !== null && resent.resends > 0 ? resent.resends : resends(told);
    if (refused && (run.state === 'MM_NO_STATE' || run.state === 'AG_INIT_EXCH' || run.state === 'AG_NO_STATE') && !phase1CompletedAfter(ctx, first + 1)) {
      run.cause = 'refused';
      continue;
    }
    if (run.retransmissions === 0 && run.duplicates === 0 && run.death === null) continue;
    if (run.state === 'MM_NO_STATE' || run.state === 'AG_INIT_EXCH' || run.state === 'AG_NO_STATE' || run.state === null) {
      // answered by the events, and not what the ladder marks unanswered or lost
      const unanswered = resent !== null && lastCopyWentUnanswered(resent);
      run.recovered = !unanswered && answered(ctx, first + 1, run.side, sideOf);
      if (!run.recovered && run.side !== 'responder' && run.duplicates === 0 && (resent === null || unanswered)) run.cause = 'unreachable';
    } else {
      run.recovered = phase1CompletedAfter(ctx, first + 1);
      if (!run.recovered && run.state === 'MM_KEY_EXCH') run.cause = 'psk';
    }
    if (run.recovered) run.death = null;
  }
  return order.map((r) => r.run).filter((r) => r.retransmissions > 0 || r.duplicates > 0 || r.death !== null);
}

/** The message a run's retransmissions resent, as the negotiation holds it; null when it holds none. */
function resentMessageOf(ctx: DiagnosisContext, run: RetransmitRun, told: readonly EventOf<'retransmit'>[]): ResentMessage | null {
  const first = told[0];
  if (ctx.negotiation === null || run.side === null || first === undefined) return null;
  return resentBefore(ctx.negotiation, run.side, first.at);
}

/**
 * How many times a message was resent. IOS tells one resend in up to three lines (`retransmitting phase 1
 * MM_NO_STATE...`, `incrementing error counter on sa, attempt 1 of 5: retransmit phase 1`, `retransmitting
 * phase 1 MM_NO_STATE`): count the error-counter lines (or their highest attempt) when there are any.
 */
function resends(events: readonly EventOf<'retransmit'>[]): number {
  const counters = events.filter((e) => e.state === null);
  if (counters.length === 0) return events.length;
  return counters.reduce((most, e) => Math.max(most, e.attempt ?? 0), counters.length);
}

/** The SA state of the last message a side sent before an event, from the negotiation's messages. */
function lastSentState(ctx: DiagnosisContext, side: Side | null, e: IkeEvent): string | null {
  const n = ctx.negotiation;
  if (!n || side === null) return null;
  let state: string | null = null;
  for (const m of n.phase1.messages) {
    if (m.from !== side || m.saState === null) continue;
    if (m.lines.some((l) => l.file === e.at.file && l.line < e.at.line)) state = m.saState;
  }
  return state;
}
