/** Questions the rules ask of a negotiation's events: did a phase finish after this line, which lines, which peer. */
import type { LineRef } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { Negotiation } from '../analysis.ts';
import type { IkeEvent, IkeEventType } from '../log/events.ts';
import type { DiagnosisContext } from './context.ts';
import { perContext } from './memo.ts';

export type EventOf<T extends IkeEventType> = Extract<IkeEvent, { type: T }>;

export const at = (e: IkeEvent): LineRef => e.at;

/** The types of the context's events, gathered in one look: a rule whose types are missing has nothing to read. */
const eventTypes = perContext((ctx: DiagnosisContext): ReadonlySet<IkeEventType> => {
  const types = new Set<IkeEventType>();
  for (const e of ctx.events) types.add(e.type);
  return types;
});

/** Whether the events hold any event of one of these types. */
export function hasEvents(ctx: DiagnosisContext, types: readonly IkeEventType[]): boolean {
  const present = eventTypes(ctx);
  for (const type of types) if (present.has(type)) return true;
  return false;
}

const isPhase1Proof = (e: IkeEvent): boolean =>
  (e.type === 'fsm-state' && e.to === 'IKE_P1_COMPLETE') ||
  (e.type === 'sa' && e.action === 'authenticated') ||
  (e.type === 'auth' && e.authenticated) ||
  e.type === 'p2-transform' ||
  e.type === 'p2-attr' ||
  e.type === 'p2-proposal' ||
  (e.type === 'packet' && e.state === 'QM_IDLE');

const isPhase2Proof = (e: IkeEvent): boolean =>
  (e.type === 'fsm-state' && e.to === 'IKE_QM_PHASE2_COMPLETE') ||
  e.type === 'ipsec-sa' ||
  e.type === 'ipsec-installed' ||
  (e.type === 'info' && e.text.startsWith('Map Accepted')) ||
  (e.type === 'node' && e.action === 'deleted' && e.reason !== null && e.reason.startsWith('QM done'));

/** Index of the last event proving each phase finished (-1 for none): "after index i" is then one comparison. */
const lastProofs = perContext((ctx: DiagnosisContext): { phase1: number; phase2: number } => {
  let phase1 = -1;
  let phase2 = -1;
  ctx.events.forEach((e, i) => {
    if (isPhase1Proof(e)) phase1 = i;
    if (isPhase2Proof(e)) phase2 = i;
  });
  return { phase1, phase2 };
});

/** A point in the input: a line, and the time printed on it when there was one. */
interface Mark {
  line: LineRef;
  time: number | null;
}

/** Whether `b` comes after `a`: by line in the same file, else by clock when both lines had one. */
export function comesAfter(a: Mark, b: Mark): boolean {
  if (a.line.file === b.line.file) return b.line.line > a.line.line;
  return a.time !== null && b.time !== null && b.time > a.time;
}

/** The marks where the negotiation shows phase 1 (or a phase 2) finished, from its structure. */
function phase1Marks(n: Negotiation): Mark[] {
  if (n.phase1.outcome !== 'complete') return [];
  const done = n.phase1.transitions.filter((t) => t.to === 'IKE_P1_COMPLETE').map((t) => ({ line: t.line, time: t.time }));
  if (done.length > 0) return done;
  return n.phase1.messages.flatMap((m) => m.lines.map((line) => ({ line, time: m.time })));
}

/** Phase 2s that made SAs: an outcome alone is not proof enough when retransmissions were taken for answers. */
function phase2Marks(n: Negotiation): Mark[] {
  return n.phase2
    .filter((p) => p.outcome === 'complete' && (p.spis !== null || p.sas.length > 0 || p.transitions.some((t) => t.to === 'IKE_QM_PHASE2_COMPLETE')))
    .flatMap((p) => [...p.transitions.map((t) => ({ line: t.line, time: t.time })), ...p.messages.flatMap((m) => m.lines.map((line) => ({ line, time: m.time })))]);
}

/** Whether the negotiation's structure shows the phase finishing after the event before index `from`. */
function doneAfter(ctx: DiagnosisContext, from: number, marks: (n: Negotiation) => Mark[]): boolean {
  const n = ctx.negotiation;
  if (!n) return false;
  const found = marks(n);
  if (from === 0) return found.length > 0 || (marks === phase1Marks && n.phase1.outcome === 'complete');
  const e = ctx.events[from - 1];
  if (!e) return false;
  const mark = { line: e.at, time: e.time };
  return found.some((m) => comesAfter(mark, m));
}

/** Whether phase 1 completed after the event before index `from` (anywhere, for 0). */
export function phase1CompletedAfter(ctx: DiagnosisContext, from = 0): boolean {
  return lastProofs(ctx).phase1 >= from || doneAfter(ctx, from, phase1Marks);
}

export function phase1Completed(ctx: DiagnosisContext): boolean {
  return phase1CompletedAfter(ctx, 0);
}

/** Proof that an IPsec SA pair was made after the event before index `from` (anywhere, for 0). */
export function phase2CompletedAfter(ctx: DiagnosisContext, from = 0): boolean {
  return lastProofs(ctx).phase2 >= from || doneAfter(ctx, from, phase2Marks);
}

/** The peer address the events name, for summaries and config look-ups. */
export function peerAddress(ctx: DiagnosisContext, side: Side | null): string | null {
  const n = ctx.negotiation;
  if (n) {
    if (side === 'initiator') return n.routers.responder.address;
    if (side === 'responder') return n.routers.initiator.address;
    return n.peer;
  }
  for (const e of ctx.events) {
    if ((e.type === 'packet' || e.type === 'psk' || e.type === 'syslog') && e.peer) return e.peer;
  }
  return null;
}
