/** Questions the rules ask of a negotiation's events: typed filters and "did it get further after this?". */
import type { LineRef } from '../analysis.ts';
import type { IkeEvent, IkeEventType } from '../log/events.ts';
import type { DiagnosisContext } from './context.ts';

export type EventOf<T extends IkeEventType> = Extract<IkeEvent, { type: T }>;

export function ofType<T extends IkeEventType>(events: readonly IkeEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

export function is<T extends IkeEventType>(e: IkeEvent, type: T): e is EventOf<T> {
  return e.type === type;
}

export const at = (e: IkeEvent): LineRef => e.at;

/** `Line 12` or `lines 12, 14` in a file-aware way for summaries (file shown only when several are involved). */
export function lineList(lines: readonly LineRef[]): string {
  const multi = new Set(lines.map((l) => l.file)).size > 1;
  const words = lines.map((l) => (multi ? `${l.file}:${l.line}` : `${l.line}`));
  return `${words.length === 1 ? 'line' : 'lines'} ${words.join(', ')}`;
}

/** Proof in the events from `from` on that phase 1 finished. */
function phase1DoneIn(events: readonly IkeEvent[], from: number): boolean {
  for (let i = from; i < events.length; i += 1) {
    const e = events[i];
    if (!e) continue;
    if (e.type === 'fsm-state' && e.to === 'IKE_P1_COMPLETE') return true;
    if (e.type === 'sa' && e.action === 'authenticated') return true;
    if (e.type === 'auth' && e.authenticated) return true;
    if (e.type === 'p2-transform' || e.type === 'p2-attr' || e.type === 'p2-proposal') return true;
    if (e.type === 'packet' && e.state === 'QM_IDLE') return true;
  }
  return false;
}

/** Whether phase 1 completed at or after event index `from` (the negotiation's outcome when the events cannot say). */
export function phase1CompletedAfter(ctx: DiagnosisContext, from = 0): boolean {
  if (phase1DoneIn(ctx.events, from)) return true;
  return ctx.negotiation?.phase1.outcome === 'complete' && from === 0;
}

export function phase1Completed(ctx: DiagnosisContext): boolean {
  return ctx.negotiation?.phase1.outcome === 'complete' || phase1DoneIn(ctx.events, 0);
}

/** Proof that an IPsec SA pair was made at or after event index `from`. */
export function phase2CompletedAfter(ctx: DiagnosisContext, from = 0): boolean {
  for (let i = from; i < ctx.events.length; i += 1) {
    const e = ctx.events[i];
    if (!e) continue;
    if (e.type === 'fsm-state' && e.to === 'IKE_QM_PHASE2_COMPLETE') return true;
    if (e.type === 'ipsec-sa' || e.type === 'ipsec-installed') return true;
    if (e.type === 'info' && e.text.startsWith('Map Accepted')) return true;
    if (e.type === 'node' && e.action === 'deleted' && e.reason !== null && e.reason.startsWith('QM done')) return true;
  }
  return from === 0 && (ctx.negotiation?.phase2.some((p) => p.outcome === 'complete') ?? false);
}

export function indexOf(ctx: DiagnosisContext, e: IkeEvent): number {
  return ctx.events.indexOf(e);
}

/** The peer address the events name, for summaries and config look-ups. */
export function peerAddress(ctx: DiagnosisContext, side: 'initiator' | 'responder' | null): string | null {
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
