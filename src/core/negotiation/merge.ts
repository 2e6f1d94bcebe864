/**
 * Merging two routers' views of one exchange: which of the other router's drafts is the same negotiation,
 * and the two-sided negotiation (role "both") they make, each message once with the lines each side printed.
 */
import type { Message, Negotiation, Outcome, PayloadSummary, Phase2 } from '../analysis.ts';
import { PHASE1_MESSAGES, QUICK_MODE, type MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { compareLines, type LineRef } from '../ike/line-ref.ts';
import { localAddress, proposal, routerOf, span } from './contract-view.ts';
import { markDelivery, printedInMerge } from './delivery.ts';
import type { RouterContext } from './draft.ts';
import { withImpliedPayloads } from './implied-payloads.ts';
import type { Sided } from './one-sided.ts';
import { mergedPhase1View, nameForMode } from './phase1-outcome.ts';

/** One router's meaningful drafts in input order; those before `first` are merged already. */
export interface RouterQueue {
  router: RouterContext;
  drafts: Sided[];
  first: number;
}

export function routerQueues(sided: readonly Sided[]): RouterQueue[] {
  const queues = new Map<RouterContext, RouterQueue>();
  for (const s of sided) {
    const q = queues.get(s.draft.router);
    if (q) q.drafts.push(s);
    else queues.set(s.draft.router, { router: s.draft.router, drafts: [s], first: 0 });
  }
  return [...queues.values()];
}

/**
 * The first draft in input order, of another router and not merged yet, that merges with `a`. Each router's
 * queue is read from its first unmerged draft on, so a long two-router log is paired without reading again,
 * for every draft, the thousands already paired before it.
 */
export function partner(a: Sided, queues: readonly RouterQueue[], used: ReadonlySet<Sided>): Sided | undefined {
  let found: Sided | undefined;
  for (const q of queues) {
    if (q.router === a.draft.router) continue;
    while (q.first < q.drafts.length && used.has(q.drafts[q.first] as Sided)) q.first += 1;
    for (let i = q.first; i < q.drafts.length; i += 1) {
      const x = q.drafts[i] as Sided;
      // a partner found in another queue comes earlier: the rest of this one cannot
      if (found !== undefined && x.draft.index > found.draft.index) break;
      if (!used.has(x) && mergeable(a, x)) {
        found = x;
        break;
      }
    }
  }
  return found;
}

/** Two routers' drafts of one exchange: each names the other's address, in complementary roles. */
function mergeable(a: Sided, b: Sided): boolean {
  if (a.draft.router === b.draft.router) return false;
  if (a.side !== null && b.side !== null && a.side === b.side) return false;
  const aLocal = localAddress(a.draft);
  const bLocal = localAddress(b.draft);
  const aPeer = a.draft.peer;
  const bPeer = b.draft.peer;
  if (aPeer === null || bPeer === null) return false;
  const ab = aPeer === bLocal || b.draft.router.locals.has(aPeer);
  const ba = bPeer === aLocal || a.draft.router.locals.has(bPeer);
  // behind NAT the responder sees the initiator's translated address: one direction's match and a Quick Mode
  // message ID both logs print (32 random bits) tell the same exchange
  if (!(ab && ba) && !(ab && aLocal === null) && !(ba && bLocal === null) && !((ab || ba) && sharedQuickMode(a, b))) return false;
  const outcomes = new Set([a.p1.outcome, b.p1.outcome]);
  if (outcomes.has('complete') && outcomes.has('failed')) return false;
  if (a.phase2.length > 0 && b.phase2.length > 0) {
    const ids = new Set<number>();
    for (const q of b.phase2) ids.add(q.messageId);
    return a.phase2.some((p) => ids.has(p.messageId));
  }
  if (a.phase1.length > 0 || b.phase1.length > 0) return true;
  // no phase 1 line on either side: one router's IPsec request, the other's Quick Mode (debug crypto ipsec alone)
  const asked = (s: Sided) => s.draft.requestTransform !== null && s.phase2.length === 0;
  return (asked(a) && b.phase2.length > 0) || (asked(b) && a.phase2.length > 0);
}

function sharedQuickMode(a: Sided, b: Sided): boolean {
  const ids = new Set<number>();
  for (const q of b.phase2) if (q.messageId !== 0) ids.add(q.messageId);
  return a.phase2.some((p) => ids.has(p.messageId));
}

export function merged(init: Sided, resp: Sided, index: number): Negotiation {
  const i = init.draft;
  const r = resp.draft;
  const initiator = routerOf(i, 'initiator', r.peer);
  const responder = routerOf(r, 'responder', i.peer);
  const phase2: Phase2[] = [];
  const respById = new Map<number, Phase2>();
  for (const q of resp.phase2) if (!respById.has(q.messageId)) respById.set(q.messageId, q);
  const initIds = new Set<number>();
  for (const p of init.phase2) {
    initIds.add(p.messageId);
    const q = respById.get(p.messageId);
    phase2.push(q ? mergePhase2(p, q) : loggedByOneSide(p, 'initiator'));
  }
  for (const q of resp.phase2) if (!initIds.has(q.messageId)) phase2.push(flipSpis(loggedByOneSide(q, 'responder')));
  const p1 = mergedPhase1View(init.p1, resp.p1);
  // a router whose lines do not show the mode takes the one its peer's lines show
  nameForMode(init.phase1, p1.mode);
  nameForMode(resp.phase1, p1.mode);
  const phase1 = mergeMessages(init.phase1, resp.phase1, PHASE1_MESSAGES);
  markDelivery(phase1, printedInMerge);
  for (const p of phase2) markDelivery(p.messages, printedInMerge);
  withImpliedPayloads(phase1);
  for (const p of phase2) withImpliedPayloads(p.messages);
  // each router's evidence is the side it plays here; one list in input order
  const evidence = [...i.notable.map((event) => ({ event, side: 'initiator' as const })), ...r.notable.map((event) => ({ event, side: 'responder' as const }))];
  evidence.sort((x, y) => compareLines(x.event.at, y.event.at));
  return {
    id: `n${index + 1}`,
    local: initiator.address || initiator.name,
    peer: responder.address || (i.peer ?? ''),
    role: 'both',
    ikeVersion: 1,
    phase1: {
      mode: p1.mode,
      outcome: p1.outcome,
      ...(p1.implied ? { implied: true as const } : {}),
      messages: phase1,
      transitions: [...i.transitions, ...r.transitions],
      proposal: proposal(r) ?? proposal(i),
    },
    phase2,
    findings: [],
    routers: { initiator, responder },
    informational: mergeMessages(init.informational, resp.informational, []),
    span: span([i, r]),
    evidence: evidence.map((x) => x.event),
    evidenceSides: evidence.map((x) => x.side),
  };
}

/**
 * Each message once: the same name and attempt from both sides becomes one message with both sides' lines.
 * `a` holds the initiator's messages, `b` the responder's; each message keeps which side printed which line.
 */
function mergeMessages(a: readonly Message[], b: readonly Message[], order: readonly MessageName[]): Message[] {
  const out: Message[] = [];
  const offset = receivedCopyOffsets(a, b);
  const chain = (m: Message): string => `${m.name}#${m.messageId}#${m.from}`;
  const attemptOf = (m: Message, side: Side): number => m.attempt + (side === m.from || offset.size === 0 ? 0 : (offset.get(chain(m)) ?? 0));
  const key = (m: Message, side: Side): string => `${m.name}#${attemptOf(m, side)}#${m.messageId}`;
  const index = new Map<string, Message>();
  const sided = [...a.map((m) => ({ m, side: 'initiator' as const })), ...b.map((m) => ({ m, side: 'responder' as const }))];
  // Lines are appended as messages merge and each merged message sorted once at the end, not once per merge.
  const merged = new Set<Message>();
  for (const { m, side } of sided) {
    const k = key(m, side);
    const existing = index.get(k);
    if (existing && existing.name !== 'UNKNOWN') {
      for (const line of m.lines) existing.lines.push(line);
      for (const line of m.lines) existing.sideLines?.[side].push(line);
      const packet = packetOf(m);
      if (packet !== undefined) existing.packetLines = { ...existing.packetLines, [side]: packet };
      merged.add(existing);
      if (m.payloads.length > 0) addPayloads(existing.payloads, m.payloads);
      existing.retransmission = existing.retransmission || m.retransmission;
      if (existing.time === null) existing.time = m.time;
      continue;
    }
    const { dir: _dir, ...rest } = m;
    const sideLines = { initiator: side === 'initiator' ? [...m.lines] : [], responder: side === 'responder' ? [...m.lines] : [] };
    const packet = packetOf(m);
    const packetLines = packet === undefined ? {} : { [side]: packet };
    const copy: Message = { ...rest, attempt: attemptOf(m, side), lines: [...m.lines], payloads: [...m.payloads], sideLines, packetLines };
    index.set(k, copy);
    out.push(copy);
  }
  for (const message of merged) message.lines.sort(compareLines);
  if (order.length > 0) {
    const rank = (m: Message): number => {
      const i = order.indexOf(m.name);
      return i < 0 ? order.length : i;
    };
    out.sort((x, y) => rank(x) - rank(y) || x.attempt - y.attempt);
  }
  return out;
}

/**
 * When the receiver printed fewer copies of a message than its sender sent, the copies it printed are the
 * sender's last ones: a sender sends again only while no answer comes, so the copies that never arrived are
 * the first. For each chain of copies (name, message ID, sender), how far the receiver's count runs behind.
 */
function receivedCopyOffsets(a: readonly Message[], b: readonly Message[]): Map<string, number> {
  const offsets = new Map<string, number>();
  // a receiver's copies are counted in the other side's list: with one list empty, nothing runs behind
  if (a.length === 0 || b.length === 0) return offsets;
  const counts = new Map<string, { sent: number; received: number }>();
  const count = (list: readonly Message[], side: Side): void => {
    for (const m of list) {
      const k = `${m.name}#${m.messageId}#${m.from}`;
      const c = counts.get(k) ?? { sent: 0, received: 0 };
      if (m.from === side) c.sent += 1;
      else c.received += 1;
      counts.set(k, c);
    }
  };
  count(a, 'initiator');
  count(b, 'responder');
  for (const [k, c] of counts) if (c.received > 0 && c.received < c.sent) offsets.set(k, c.sent - c.received);
  return offsets;
}

function mergePhase2(p: Phase2, q: Phase2): Phase2 {
  const outcome: Outcome = p.outcome === 'complete' || q.outcome === 'complete' ? 'complete' : p.outcome === 'failed' || q.outcome === 'failed' ? 'failed' : 'incomplete';
  return {
    ...p,
    outcome,
    messages: mergeMessages(p.messages, q.messages, QUICK_MODE),
    transform: p.transform ?? q.transform,
    encapsulation: p.encapsulation ?? q.encapsulation,
    spis: p.spis ?? (q.spis ? { inbound: q.spis.outbound, outbound: q.spis.inbound } : null),
    pfsGroup: p.pfsGroup ?? q.pfsGroup,
    transitions: [...p.transitions, ...q.transitions],
    sas: [...p.sas, ...q.sas],
    proxies: p.proxies ?? q.proxies,
    lifetimeSeconds: p.lifetimeSeconds ?? q.lifetimeSeconds,
    lifetimeKb: p.lifetimeKb ?? q.lifetimeKb,
  };
}

/** A Quick Mode only one router logged, in a merged negotiation: its lines are that router's. */
function loggedByOneSide(p: Phase2, side: Side): Phase2 {
  return { ...p, messages: side === 'initiator' ? mergeMessages(p.messages, [], QUICK_MODE) : mergeMessages([], p.messages, QUICK_MODE) };
}

/** A responder-only phase 2 in a merged negotiation: SPIs seen from the initiator. */
function flipSpis(q: Phase2): Phase2 {
  return { ...q, spis: q.spis ? { inbound: q.spis.outbound, outbound: q.spis.inbound } : null };
}

/** Adds to `held` the payloads of `more` it does not hold yet. */
function addPayloads(held: PayloadSummary[], more: readonly PayloadSummary[]): void {
  const keys = new Set<string>();
  for (const p of held) keys.add(payloadKey(p));
  for (const p of more) {
    const k = payloadKey(p);
    if (keys.has(k)) continue;
    keys.add(k);
    held.push(p);
  }
}

/** The packet line of a message one router's log holds, whichever side that router was given. */
function packetOf(m: Message): LineRef | undefined {
  return m.packetLines?.initiator ?? m.packetLines?.responder;
}

/** A payload's type and detail as one key (a null detail apart from an empty one). */
function payloadKey(p: PayloadSummary): string {
  return p.detail === null ? p.type : `${p.type}:${p.detail}`;
}
