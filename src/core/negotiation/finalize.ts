/**
 * Drafts → Negotiations: name the Quick Mode and informational messages, merge the two routers' views of one
 * exchange into a single two-sided negotiation (role "both"), and tie show-command output to the SAs.
 */
import type { Message, Negotiation, Outcome, Phase1Proposal, Phase2, Router, Transition } from '../analysis.ts';
import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { MessageName } from '../ike/messages.ts';
import { type Side, otherSide } from '../ike/sides.ts';
import type { RecordTableBuilder } from '../log/record-table.ts';
import type { NegotiationBuilder } from './build.ts';
import type { Draft, DraftMessage, DraftPhase2, RouterContext } from './draft.ts';
import { spiPair } from './spi-pair.ts';
import { verify } from './verify.ts';

const PHASE1_ORDER: readonly MessageName[] = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'AM1', 'AM2', 'AM3'];

const CIPHERS: Readonly<Record<string, string>> = {
  ESP_DES: 'esp-des',
  ESP_3DES: 'esp-3des',
  ESP_AES: 'esp-aes',
  ESP_NULL: 'esp-null',
  ESP_GCM: 'esp-gcm',
  ESP_SEAL: 'esp-seal',
};

const AUTHENTICATORS: Readonly<Record<string, string>> = {
  'HMAC-SHA': 'esp-sha-hmac',
  'HMAC-MD5': 'esp-md5-hmac',
  'HMAC-SHA256': 'esp-sha256-hmac',
  'HMAC-SHA384': 'esp-sha384-hmac',
  'HMAC-SHA512': 'esp-sha512-hmac',
};

/** A one-sided negotiation with what merging needs to know about it. */
interface Sided {
  draft: Draft;
  side: Side | null;
  phase1: Message[];
  phase2: Phase2[];
  informational: Message[];
  p1Outcome: Outcome;
}

/** Whether a draft holds anything worth showing. */
function meaningful(d: Draft): boolean {
  if (d.messages.length > 0 || d.transitions.length > 0 || d.phase2.length > 0 || d.informational.length > 0 || d.p1Failed) return true;
  // IPsec asked for SAs, or a proposal was checked: a negotiation started even if the excerpt stops there
  return d.requestTransform !== null || d.offered !== null || (d.peer !== null && d.notable.length > 0);
}

export function finalizeNegotiations(builder: NegotiationBuilder, records: RecordTableBuilder): { negotiations: Negotiation[] } {
  const sided = builder.drafts.filter(meaningful).map(toSided);
  const used = new Set<Sided>();
  const out: { n: Negotiation; drafts: Draft[] }[] = [];
  const queues = routerQueues(sided);
  for (const a of sided) {
    if (used.has(a)) continue;
    const b = queues.length < 2 ? undefined : partner(a, queues, used);
    used.add(a);
    if (b) {
      used.add(b);
      const [init, resp] = a.side === 'initiator' || b.side === 'responder' ? [a, b] : [b, a];
      out.push({ n: merged(init, resp, out.length), drafts: [init.draft, resp.draft] });
    } else {
      out.push({ n: oneSided(a, out.length), drafts: [a.draft] });
    }
  }
  // records point at drafts while the log is read; now at the negotiations the drafts became
  const target = new Int32Array(builder.drafts.length).fill(-1);
  out.forEach((o, i) => o.drafts.forEach((d) => (target[d.index] = i)));
  records.renumberNegotiations(target);
  verify(builder, out.map((o) => o.n));
  return { negotiations: out.map((o) => o.n) };
}

function toSided(d: Draft): Sided {
  const side = d.side;
  const phase1 = d.messages.map((m) => message(m, side));
  const informational = d.informational.map((m) => message(m, side, m.name ?? infoName(m)));
  const phase2: Phase2[] = [];
  for (const p of d.phase2) {
    const quick = p.quick || p.messages.some((m) => m.payloads.some((x) => x.type === 'SA'));
    if (!quick) {
      for (const m of p.messages) informational.push(message(m, side, infoName(m)));
      continue;
    }
    phase2.push(phase2Of(d, p));
  }
  informational.sort((x, y) => compareMaybeLines(x.lines[0], y.lines[0]));
  const p1Outcome: Outcome = d.p1Complete ? 'complete' : d.p1Failed ? 'failed' : 'incomplete';
  // the draft's message arrays have been copied: drop them now rather than after every draft is done
  d.messages = [];
  d.informational = [];
  for (const p of d.phase2) p.messages = [];
  return { draft: d, side, phase1, phase2, informational, p1Outcome };
}

function infoName(m: DraftMessage): MessageName {
  if (m.payloads.some((p) => p.type === 'DELETE')) return 'DELETE';
  if (m.notifies.some((n) => n.indexOf('R_U_THERE') >= 0) || m.payloads.some((p) => p.type === 'NOTIFY' && (p.detail ?? '').indexOf('R_U_THERE') >= 0)) return 'DPD';
  if (m.payloads.some((p) => p.type === 'NOTIFY')) return 'NOTIFY';
  return 'UNKNOWN';
}

/** The contract's message; `name`, `retransmission` and `attempt` as finally told, when they differ from the draft's. */
function message(m: DraftMessage, side: Side | null, name = m.name, retransmission = m.retransmission, attempt = m.attempt): Message {
  const own = side ?? (m.dir === 'out' ? 'initiator' : 'responder');
  return {
    name: name ?? 'UNKNOWN',
    from: m.dir === 'out' ? own : otherSide(own),
    dir: m.dir,
    // exact-size copies: arrays grown line by line carry spare capacity, a long log holds thousands of them
    lines: m.lines.slice(),
    messageId: m.messageId ?? 0,
    payloads: m.payloads.slice(),
    retransmission,
    attempt,
    time: m.time,
    saState: m.saState,
    ports: m.ports,
  };
}

function phase2Of(d: Draft, p: DraftPhase2): Phase2 {
  const qmSide = p.side ?? d.side ?? 'initiator';
  // QM3 answers QM2: until the initiator has QM2, whatever it sends (or the responder receives) is QM1 again
  let answered = false;
  const messages: Message[] = [];
  const last: { out: MessageName | null; in: MessageName | null } = { out: null, in: null };
  /** How many messages of each name came before: a second QM1 is a resend. */
  const told: Partial<Record<MessageName, number>> = {};
  for (const m of p.messages) {
    const sent = m.dir === 'out';
    let name: MessageName;
    const resent = m.retransmission ? last[m.dir] : null;
    if (resent !== null) {
      // a resend, ours or the peer's, repeats the last message of its direction
      name = resent;
    } else if ((qmSide === 'initiator') === sent) {
      name = answered ? 'QM3' : 'QM1';
    } else {
      name = 'QM2';
      answered = true;
    }
    last[m.dir] = name;
    const earlier = told[name] ?? 0;
    told[name] = earlier + 1;
    messages.push(message(m, qmSide, name, m.retransmission || earlier > 0, earlier + 1));
  }
  const complete = p.complete || messages.some((m) => m.name === 'QM3' && !m.retransmission);
  // every state change of a Quick Mode is told from this router's role in it (the draft is let go after)
  for (const t of p.transitions) t.side = qmSide;
  return {
    messageId: p.messageId,
    outcome: p.failed && !p.complete ? 'failed' : complete ? 'complete' : 'incomplete',
    messages,
    transform: p.createdTransform ?? p.requestTransform ?? transformFromAttributes(p) ?? (d.phase2[0] === p ? d.requestTransform : null),
    encapsulation: p.encapsulation,
    spis: spiPair(p.sas),
    pfsGroup: p.pfsGroup,
    transitions: p.transitions,
    sas: p.sas,
    proxies: p.proxies ?? (d.phase2[0] === p ? d.requestProxies : null),
    lifetimeSeconds: p.lifetimeSeconds,
    lifetimeKb: p.lifetimeKb,
    verification: null,
  };
}

function transformFromAttributes(p: DraftPhase2): string | null {
  if (p.cipher === null) return null;
  const cipher = CIPHERS[p.cipher] ?? p.cipher.toLowerCase().replace('_', '-');
  const key = p.keyLength !== null && p.keyLength !== 128 && cipher === 'esp-aes' ? ` ${p.keyLength}` : '';
  const auth = p.authenticator !== null ? ` ${AUTHENTICATORS[p.authenticator] ?? p.authenticator.toLowerCase()}` : '';
  return `${cipher}${key}${auth}`;
}

function proposal(d: Draft): Phase1Proposal | null {
  const p = d.accepted ?? d.offered;
  if (p === null || (p.encryption === null && p.hash === null)) return null;
  return {
    encryption: p.encryption ?? '',
    keyLength: p.keyLength,
    hash: p.hash ?? '',
    group: p.group,
    auth: p.auth ?? '',
    lifetimeSeconds: d.actualLifetime ?? p.lifetimeSeconds,
  };
}

function localAddress(d: Draft): string | null {
  if (d.local !== null) return d.local;
  for (const a of d.router.locals) return a;
  return null;
}

/** `known`: the address the other router's log gives this one, when this router's own log never prints it. */
function routerOf(d: Draft, side: Side, known: string | null = null): Router {
  const address = localAddress(d) ?? known;
  return { side, name: d.router.name ?? address ?? 'this router', address: address ?? '', logged: true };
}

function peerRouter(d: Draft, side: Side): Router {
  return { side, name: d.peer ?? 'peer', address: d.peer ?? '', logged: false };
}

function span(drafts: readonly Draft[]): { first: LineRef; last: LineRef } {
  let first = drafts[0]?.first ?? { file: 0, line: 1 };
  let last = drafts[0]?.last ?? first;
  for (const d of drafts) {
    if (compareLines(d.first, first) < 0) first = d.first;
    if (compareLines(d.last, last) > 0) last = d.last;
  }
  return { first, last };
}

function oneSided(s: Sided, index: number): Negotiation {
  const d = s.draft;
  const side = s.side;
  const own = side ?? 'initiator';
  const local = routerOf(d, own);
  const remote = peerRouter(d, otherSide(own));
  return {
    id: `n${index + 1}`,
    local: local.address || (d.router.name ?? ''),
    peer: d.peer ?? '',
    role: side ?? 'unknown',
    ikeVersion: 1,
    phase1: {
      mode: d.mode,
      outcome: s.p1Outcome,
      messages: s.phase1,
      transitions: d.transitions,
      proposal: proposal(d),
    },
    phase2: s.phase2,
    findings: [],
    routers: own === 'initiator' ? { initiator: local, responder: remote } : { initiator: remote, responder: local },
    informational: s.informational,
    span: span([d]),
    evidence: d.notable,
  };
}

/** One router's meaningful drafts in input order; those before `first` are merged already. */
interface RouterQueue {
  router: RouterContext;
  drafts: Sided[];
  first: number;
}

function routerQueues(sided: readonly Sided[]): RouterQueue[] {
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
function partner(a: Sided, queues: readonly RouterQueue[], used: ReadonlySet<Sided>): Sided | undefined {
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
  if (!(ab && ba) && !(ab && aLocal === null) && !(ba && bLocal === null)) return false;
  const outcomes = new Set([a.p1Outcome, b.p1Outcome]);
  if (outcomes.has('complete') && outcomes.has('failed')) return false;
  if (a.phase2.length > 0 && b.phase2.length > 0) {
    return a.phase2.some((p) => b.phase2.some((q) => q.messageId === p.messageId));
  }
  return a.phase1.length > 0 || b.phase1.length > 0;
}

function merged(init: Sided, resp: Sided, index: number): Negotiation {
  const i = init.draft;
  const r = resp.draft;
  const initiator = routerOf(i, 'initiator', r.peer);
  const responder = routerOf(r, 'responder', i.peer);
  const phase2: Phase2[] = [];
  for (const p of init.phase2) {
    const q = resp.phase2.find((x) => x.messageId === p.messageId);
    phase2.push(q ? mergePhase2(p, q) : loggedByOneSide(p, 'initiator'));
  }
  for (const q of resp.phase2) if (!init.phase2.some((p) => p.messageId === q.messageId)) phase2.push(flipSpis(loggedByOneSide(q, 'responder')));
  const outcome: Outcome =
    init.p1Outcome === 'complete' || resp.p1Outcome === 'complete' ? 'complete' : init.p1Outcome === 'failed' || resp.p1Outcome === 'failed' ? 'failed' : 'incomplete';
  return {
    id: `n${index + 1}`,
    local: initiator.address || initiator.name,
    peer: responder.address || (i.peer ?? ''),
    role: 'both',
    ikeVersion: 1,
    phase1: {
      mode: i.mode === 'aggressive' || r.mode === 'aggressive' ? 'aggressive' : 'main',
      outcome,
      messages: mergeMessages(init.phase1, resp.phase1, PHASE1_ORDER),
      transitions: [...i.transitions, ...r.transitions],
      proposal: proposal(r) ?? proposal(i),
    },
    phase2,
    findings: [],
    routers: { initiator, responder },
    informational: mergeMessages(init.informational, resp.informational, []),
    span: span([i, r]),
    evidence: [...i.notable, ...r.notable].sort((x, y) => compareLines(x.at, y.at)),
  };
}

/**
 * Each message once: the same name and attempt from both sides becomes one message with both sides' lines.
 * `a` holds the initiator's messages, `b` the responder's; each message keeps which side printed which line.
 */
function mergeMessages(a: readonly Message[], b: readonly Message[], order: readonly MessageName[]): Message[] {
  const out: Message[] = [];
  const key = (m: Message): string => `${m.name}#${m.attempt}#${m.messageId}`;
  const index = new Map<string, Message>();
  const sided = [...a.map((m) => ({ m, side: 'initiator' as const })), ...b.map((m) => ({ m, side: 'responder' as const }))];
  for (const { m, side } of sided) {
    const k = key(m);
    const existing = index.get(k);
    if (existing && existing.name !== 'UNKNOWN') {
      existing.lines = [...existing.lines, ...m.lines].sort(compareLines);
      existing.sideLines?.[side].push(...m.lines);
      for (const p of m.payloads) if (!existing.payloads.some((x) => x.type === p.type && x.detail === p.detail)) existing.payloads.push(p);
      existing.retransmission = existing.retransmission || m.retransmission;
      if (existing.time === null) existing.time = m.time;
      continue;
    }
    const { dir: _dir, ...rest } = m;
    const sideLines = { initiator: side === 'initiator' ? [...m.lines] : [], responder: side === 'responder' ? [...m.lines] : [] };
    const copy: Message = { ...rest, lines: [...m.lines], payloads: [...m.payloads], sideLines };
    index.set(k, copy);
    out.push(copy);
  }
  if (order.length > 0) {
    const rank = (m: Message): number => {
      const i = order.indexOf(m.name);
      return i < 0 ? order.length : i;
    };
    out.sort((x, y) => rank(x) - rank(y) || x.attempt - y.attempt);
  }
  return out;
}

function mergePhase2(p: Phase2, q: Phase2): Phase2 {
  const outcome: Outcome = p.outcome === 'complete' || q.outcome === 'complete' ? 'complete' : p.outcome === 'failed' || q.outcome === 'failed' ? 'failed' : 'incomplete';
  return {
    ...p,
    outcome,
    messages: mergeMessages(p.messages, q.messages, ['QM1', 'QM2', 'QM3']),
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

/** A responder-only phase 2 in a merged negotiation: SPIs seen from the initiator. */
/** A Quick Mode only one router logged, in a merged negotiation: its lines are that router's. */
function loggedByOneSide(p: Phase2, side: Side): Phase2 {
  const order: MessageName[] = ['QM1', 'QM2', 'QM3'];
  return { ...p, messages: side === 'initiator' ? mergeMessages(p.messages, [], order) : mergeMessages([], p.messages, order) };
}

function flipSpis(q: Phase2): Phase2 {
  return { ...q, spis: q.spis ? { inbound: q.spis.outbound, outbound: q.spis.inbound } : null };
}

/** Input order, where a message with no lines yet sorts as equal to any. */
function compareMaybeLines(a: LineRef | undefined, b: LineRef | undefined): number {
  return a === undefined || b === undefined ? 0 : compareLines(a, b);
}

export type { Transition };
