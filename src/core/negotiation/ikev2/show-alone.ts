/**
 * IKEv2 show output as negotiations: each IKE SA that `show crypto ikev2 sa` / `session` lists ties to the
 * debug-made negotiation it describes (the same SPI pair, or without SPIs the same two addresses), and is a
 * negotiation of its own when none does: in its state (READY or `Negotiation done`: the IKE SA completed,
 * implied), with its algorithms, SPIs (which is whose only when `Initiator of SA` says) and child SAs.
 */
import type { ChildSa, IkeSa, Ikev2Shown, Negotiation, Outcome, Router } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Side } from '../../ike/sides.ts';
import type { ShownChild, ShownEntry } from './shown.ts';

function compare(a: LineRef, b: LineRef): number {
  return a.file - b.file || a.line - b.line;
}

/** The same SA listed twice (`show crypto ikev2 sa`, then `… detailed`): one entry, the fuller one's facts first. */
function merged(entries: readonly ShownEntry[]): ShownEntry[] {
  const out: ShownEntry[] = [];
  for (const e of entries) {
    const same = out.find(
      (o) =>
        o.file === e.file &&
        // show crypto session's `IKEv2 SA:` line prints no tunnel id: the same two ends are the same SA
        (o.tunnelId === e.tunnelId || o.tunnelId === null || e.tunnelId === null) &&
        o.local === e.local &&
        o.remote === e.remote &&
        (o.ports === null || e.ports === null || (o.ports.local === e.ports.local && o.ports.remote === e.ports.remote)) &&
        (o.spis === null || e.spis === null || (o.spis.local === e.spis.local && o.spis.remote === e.spis.remote)),
    );
    if (same === undefined) {
      out.push({ ...e, ids: { ...e.ids }, algorithms: e.algorithms.slice(), children: e.children.slice(), lines: e.lines.slice(), records: e.records.slice() });
      continue;
    }
    // a row's READY says more than the session line's Active
    if (same.tunnelId === null && e.tunnelId !== null) {
      same.tunnelId = e.tunnelId;
      same.status = e.status;
    }
    same.ports ??= e.ports;
    same.description ??= e.description;
    same.session ??= e.session;
    same.crypto ??= e.crypto;
    same.life ??= e.life;
    same.spis ??= e.spis;
    same.initiator ??= e.initiator;
    same.ids.local ??= e.ids.local;
    same.ids.remote ??= e.ids.remote;
    same.nat ??= e.nat;
    same.natEvent ??= e.natEvent;
    // each listing prints the algorithms: every such line is evidence of them
    for (const a of e.algorithms) same.algorithms.push(a);
    if (same.children.length === 0) same.children = e.children.slice();
    for (const l of e.lines) same.lines.push(l);
    for (const r of e.records) same.records.push(r);
  }
  return out;
}

function up(e: ShownEntry): boolean {
  return e.status === 'READY' || e.status === 'Active' || e.description === 'Negotiation done';
}

/**
 * An SA listed DELETE with algorithms agreed and an active time was up that long: its negotiation completed.
 * One still negotiating prints `Unknown - 0` and `DH Grp:0`, and 0 s active.
 */
function wasUp(e: ShownEntry): boolean {
  return e.status === 'DELETE' && e.crypto !== null && e.crypto.encryption !== null && e.crypto.group !== null && (e.life?.activeSeconds ?? 0) > 0;
}

function shown(e: ShownEntry): Ikev2Shown {
  const c = e.crypto;
  return {
    status: e.status,
    description: e.description,
    sessionStatus: e.session?.status ?? null,
    encryption: c?.encryption ?? null,
    keySize: c?.keySize ?? null,
    prf: c?.prf ?? null,
    integrity: c?.hash ?? null,
    group: c?.group ?? null,
    authSign: c?.authSign ?? null,
    authVerify: c?.authVerify ?? null,
    lifetimeSeconds: e.life?.lifetimeSeconds ?? null,
    activeSeconds: e.life?.activeSeconds ?? null,
    spis: e.spis,
    ids: { ...e.ids },
    nat: e.nat,
    lines: e.lines.slice().sort(compare),
  };
}

function childSa(c: ShownChild): ChildSa {
  const listed = c.esp !== null && c.esp.inbound !== '0x0' && c.esp.outbound !== '0x0';
  return {
    messageId: null,
    // an SA pair installed, or SAs show crypto session counts active: the exchange that made it completed
    outcome: listed || c.active ? 'complete' : 'incomplete',
    transform: c.transform.length === 0 ? null : c.transform.join(' '),
    spis: c.esp === null ? null : { inbound: c.esp.inbound, outbound: c.esp.outbound },
    trafficSelectors: c.local.length + c.remote.length === 0 ? null : { local: c.local.slice(), remote: c.remote.slice() },
    refusal: null,
  };
}

function router(side: Side, logged: boolean, address: string | null, name: string | null): Router {
  return { side, name: (logged ? name : null) ?? address ?? '?', address: address ?? '', logged };
}

/** A negotiation of the SA an entry lists, no debug line telling of it. */
function fromShow(e: ShownEntry, index: number): Negotiation {
  const side: Side | null = e.initiator === null ? null : e.initiator ? 'initiator' : 'responder';
  const outcome: Outcome = up(e) || wasUp(e) ? 'complete' : 'incomplete';
  const spis = side === null || e.spis === null ? null : side === 'initiator' ? { initiator: e.spis.local, responder: e.spis.remote } : { initiator: e.spis.remote, responder: e.spis.local };
  const ikeSa: IkeSa = { spis, outcome, ...(outcome === 'complete' ? { implied: true as const } : {}), shown: shown(e), messages: [], transitions: [], proposal: null };
  const lines = ikeSa.shown!.lines;
  const initiatorAddress = side === 'responder' ? e.remote : e.local;
  const responderAddress = side === 'responder' ? e.local : e.remote;
  return {
    id: `n${index + 1}`,
    local: e.local ?? '',
    peer: e.remote ?? '',
    role: side ?? 'unknown',
    ikeVersion: 2,
    phase1: { mode: null, outcome, messages: [], transitions: [], proposal: null },
    phase2: [],
    ikeSa,
    childSas: e.children.map(childSa),
    findings: [],
    routers: { initiator: router('initiator', side !== 'responder', initiatorAddress, e.name), responder: router('responder', side === 'responder', responderAddress, e.name) },
    informational: [],
    span: { first: lines[0]!, last: lines[lines.length - 1]! },
    // what this router printed of the SA that rules read: NAT-T in use (NAT_T), the algorithms (WEAK_CRYPTO)
    ...shownEvidence(e, side),
  };
}

/** The lines of an entry the rules read, each printed by the router whose show output it is (its side, where known). */
function shownEvidence(e: ShownEntry, side: Side | null): Pick<Negotiation, 'evidence' | 'evidenceSides'> {
  const evidence = e.natEvent === null ? e.algorithms.slice() : [e.natEvent, ...e.algorithms];
  return { evidence, evidenceSides: evidence.map(() => side) };
}

/** The debug-made negotiation an entry lists: the same SPI pair, or, without SPIs, the latest with the same two addresses. */
function described(e: ShownEntry, made: readonly Negotiation[]): number {
  if (e.spis !== null) {
    const { local, remote } = e.spis;
    return made.findIndex((n) => {
      const s = n.ikeSa?.spis;
      return s != null && ((s.initiator === local && s.responder === remote) || (s.initiator === remote && s.responder === local));
    });
  }
  for (let i = made.length - 1; i >= 0; i -= 1) {
    const n = made[i]!;
    if ((n.local === e.local && n.peer === e.remote) || (n.role === 'both' && n.local === e.remote && n.peer === e.local)) return i;
  }
  return -1;
}

/**
 * The debug-made IKEv2 negotiations with what show output lists of them, then one negotiation per SA listed
 * that none describes, numbered after `before + made.length`; each entry's records point at its negotiation.
 */
export function withShownSas(made: readonly Negotiation[], entries: readonly ShownEntry[], before: number, setNegotiation: (record: number, n: number) => void): Negotiation[] {
  const out = made.slice();
  for (const e of merged(entries)) {
    const i = described(e, made);
    if (i >= 0) {
      const n = out[i]!;
      const sa = n.ikeSa!;
      // the same SPIs listed READY: that IKE SA completed, whatever part of it the debug shows
      const proves = e.spis !== null && up(e) && sa.outcome !== 'complete';
      const listed = shownEvidence(e, n.role === 'initiator' || n.role === 'responder' ? n.role : null);
      const evidence = { evidence: [...n.evidence, ...listed.evidence], evidenceSides: [...n.evidenceSides, ...listed.evidenceSides] };
      out[i] = { ...n, ...evidence, ...(proves ? { phase1: { ...n.phase1, outcome: 'complete' as const } } : {}), ikeSa: { ...sa, ...(proves ? { outcome: 'complete' as const, implied: true as const } : {}), shown: shown(e) } };
      for (const r of e.records) setNegotiation(r, before + i);
      continue;
    }
    const index = before + out.length;
    out.push(fromShow(e, index));
    for (const r of e.records) setNegotiation(r, index);
  }
  return out;
}
