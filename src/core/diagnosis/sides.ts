/**
 * Which router printed an event, as a protocol role. A merged negotiation holds both routers' lines, in two
 * files or in one paste (the seed: R3's output, then R2's); the rules need to tell the initiator's
 * PROPOSAL_NOT_CHOSEN from the responder's reason. Anchors say it outright (a state `IKE_I_MM3`, a packet
 * marked `(R)`, the negotiation's transitions); other events take the side of the anchors around them,
 * within one router's stretch of output (a file, or the lines between two prompts of different routers).
 */
import type { Transition } from '../analysis.ts';
import type { IkeEvent } from '../log/events.ts';
import type { DiagnosisContext } from './context.ts';
import { perContext } from './memo.ts';
import type { Side } from '../ike/sides.ts';
import { compareLines } from '../ike/line-ref.ts';

export type SideOf = (e: IkeEvent) => Side | null;

const other = (s: Side): Side => (s === 'initiator' ? 'responder' : 'initiator');

/** The side an event states by itself, or null. */
function anchor(e: IkeEvent): Side | null {
  switch (e.type) {
    case 'fsm-state':
      if (e.to.startsWith('IKE_I_') || e.from.startsWith('IKE_I_')) return 'initiator';
      if (e.to.startsWith('IKE_R_') || e.from.startsWith('IKE_R_')) return 'responder';
      return null;
    case 'packet':
      if (e.role === 'I') return 'initiator';
      return e.role === 'R' || e.role === 'N' ? 'responder' : null;
    case 'begin':
      return e.mode === 'quick' ? null : 'initiator';
    default:
      return null;
  }
}

/** Events that only one role prints, used when a stretch of output has no anchor at all. */
function hint(e: IkeEvent): Side | null {
  switch (e.type) {
    case 'p1-rejected':
    case 'p2-rejected':
    case 'ipsec-rejected':
    case 'p1-mismatch':
      return 'responder';
    case 'notify':
      return e.notify.endsWith('PROPOSAL_CHOSEN') || e.notify.endsWith('PROPOSAL_NOT_CHOSEN') ? (e.dir === 'in' ? 'initiator' : 'responder') : null;
    case 'ipsec-request':
      return e.kind === 'sa_request' ? 'initiator' : null;
    case 'error':
      return e.code === 'mm-not-started' || e.code === 'sa-init-failed' ? 'initiator' : null;
    case 'syslog':
      return e.mnemonic === 'IKMP_BAD_MESSAGE' ? 'responder' : null;
    default:
      return null;
  }
}

interface Stretch {
  name: string | null;
  file: number;
  events: IkeEvent[];
  side: Side | null;
}

function majority(events: readonly IkeEvent[], judge: (e: IkeEvent) => Side | null): Side | null {
  let i = 0;
  let r = 0;
  for (const e of events) {
    const s = judge(e);
    if (s === 'initiator') i += 1;
    if (s === 'responder') r += 1;
  }
  if (i === r) return null;
  return i > r ? 'initiator' : 'responder';
}

/** Splits events into one router's stretches: by file, by prompt name, and where the anchors change side. */
function stretches(events: readonly IkeEvent[], anchorOf: (e: IkeEvent) => Side | null): Stretch[] {
  const out: Stretch[] = [];
  let cur: Stretch | null = null;
  let curSide: Side | null = null;
  /** Where the next router's output probably starts, if the anchors change side. */
  let start: number | null = null;
  for (const e of events) {
    const a = anchorOf(e);
    const promptName = e.type === 'prompt' ? e.name : null;
    let split = cur === null || cur.file !== e.at.file;
    if (!split && cur && promptName !== null && cur.name !== null && cur.name !== promptName) split = true;
    if (!split && cur && a !== null && curSide !== null && a !== curSide) {
      // Move the events since the likely start of the other router's output into the new stretch.
      const from = start ?? cur.events.length;
      const moved: IkeEvent[] = cur.events.splice(from);
      cur = { name: null, file: e.at.file, events: moved, side: null };
      out.push(cur);
      curSide = a;
      start = null;
    } else if (split) {
      cur = { name: promptName, file: e.at.file, events: [], side: null };
      out.push(cur);
      curSide = null;
      start = null;
    }
    if (!cur) continue;
    if (promptName !== null && cur.name === null) cur.name = promptName;
    if (a !== null) {
      curSide = a;
      start = null;
    } else if (start === null && startsExchange(e)) {
      start = cur.events.length;
    }
    cur.events.push(e);
  }
  return out;
}

/** An event that begins a router's part in an exchange (what follows another router's output in a paste). */
function startsExchange(e: IkeEvent): boolean {
  return (
    (e.type === 'ipsec-request' && e.kind === 'sa_request') ||
    (e.type === 'sa' && e.action === 'request') ||
    (e.type === 'syslog' && e.mnemonic === 'ISAKMP_ON_OFF') ||
    e.type === 'prompt'
  );
}

/** The side of each event's router; null where nothing tells. */
export const sidesOf = perContext(computeSides);

function computeSides(ctx: DiagnosisContext): SideOf {
  const n = ctx.negotiation;
  if (n && (n.role === 'initiator' || n.role === 'responder')) {
    const role = n.role;
    return () => role;
  }
  const fromTransitions = new Map<string, Side>();
  for (const t of n?.phase1.transitions ?? []) fromTransitions.set(`${t.line.file}:${t.line.line}`, t.side);
  for (const p of n?.phase2 ?? []) for (const t of p.transitions) fromTransitions.set(`${t.line.file}:${t.line.line}`, t.side);
  const anchorOf = (e: IkeEvent): Side | null => fromTransitions.get(`${e.at.file}:${e.at.line}`) ?? anchor(e);
  if (fromTransitions.size > 0 && !ctx.events.some((e) => anchorOf(e) !== null)) return nearestTransition(n?.phase1.transitions ?? [], n?.phase2.flatMap((p) => p.transitions) ?? []);
  const map = new Map<IkeEvent, Side | null>();
  const parts = stretches(ctx.events, anchorOf);
  for (const s of parts) s.side = majority(s.events, anchorOf) ?? majority(s.events, hint);
  // A stretch with nothing to go by: the side of another stretch of the same router, else the opposite of a
  // different router's.
  for (const s of parts) {
    if (s.side !== null) continue;
    const same = parts.find((p) => p !== s && p.side !== null && p.name !== null && p.name === s.name);
    const different = parts.find((p) => p !== s && p.side !== null && p.name !== null && s.name !== null && p.name !== s.name);
    s.side = same?.side ?? (different?.side ? other(different.side) : null);
  }
  if (n && parts.every((s) => s.side === null) && n.role === 'unknown') return () => null;
  for (const s of parts) for (const e of s.events) map.set(e, s.side);
  return (e) => map.get(e) ?? null;
}

/**
 * For events that carry no anchor of their own (a negotiation's notable events only): the side of the nearest
 * state change printed before it in the same file, else of the first one after it.
 */
function nearestTransition(...lists: (readonly Transition[])[]): SideOf {
  const all = lists.flat().map((t) => ({ file: t.line.file, line: t.line.line, side: t.side }));
  all.sort(compareLines);
  return (e) => {
    // The last transition at or before the event (binary search), else the first after it, same file.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = all[mid];
      if (t && (t.file < e.at.file || (t.file === e.at.file && t.line <= e.at.line))) lo = mid + 1;
      else hi = mid;
    }
    const before = all[lo - 1];
    if (before && before.file === e.at.file) return before.side;
    const after = all[lo];
    return after && after.file === e.at.file ? after.side : null;
  };
}
