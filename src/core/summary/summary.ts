/**
 * The summary of a whole analysis, for a headend log of many peers: how many negotiations reached which
 * outcome, which findings were made how often, and which peers fail. One pass over the negotiations and one
 * over the record clock, so it stays cheap for 100,000 negotiations; the worker computes it once for the page,
 * and `analyze --json` carries it.
 */
import type { Analysis, FindingCode, Negotiation, Severity } from '../analysis.ts';
import { addressOrderKey } from '../config/address.ts';

/** How many exchanges ended each way, by the outcome word the analysis gives them. */
export type OutcomeCounts = Partial<Record<string, number>>;

export interface PeerSummary {
  /** The peer's address as the negotiations name it (`Negotiation.peer`). */
  peer: string;
  negotiations: number;
  /** Negotiations of this peer that failed (see `failed`). */
  failed: number;
  /** The finding codes of its negotiations, each once, in alphabetical order. */
  codes: FindingCode[];
}

export interface AnalysisSummary {
  negotiations: number;
  /**
   * Outcomes of whole negotiations (`negotiationOutcome`, what the page's list filters by) and of each
   * exchange: IKEv1's phase 1 and each Quick Mode, IKEv2's IKE SA and each child SA.
   */
  byOutcome: { negotiation: OutcomeCounts; phase1: OutcomeCounts; phase2: OutcomeCounts; ikeSa: OutcomeCounts; childSas: OutcomeCounts };
  /** Negotiations that failed (`failed`). */
  failed: number;
  /** Findings by code, and by severity. */
  byFinding: Partial<Record<FindingCode, number>>;
  bySeverity: Record<Severity, number>;
  /**
   * Peers with failures first (most failures, then most negotiations, then by address), then the others in the
   * order the log first names them: a headend's many healthy peers are not sorted.
   */
  peers: PeerSummary[];
  /**
   * Per log file with a clock: the time of day of its first and its last timestamped line (milliseconds since
   * midnight, as printed). Each file is told apart: two routers' clocks are never compared.
   */
  spans: { file: number; first: number; last: number }[];
  /**
   * Error and syslog lines outside any negotiation (`Analysis.events`), by message: how many lines and how many
   * peers. Only when there are some.
   */
  strays?: { event: string; lines: number; peers: number }[];
}

type Summarized = Pick<Negotiation, 'ikeVersion' | 'phase1' | 'phase2' | 'ikeSa' | 'childSas' | 'findings'>;

/** The outcome of the first exchange (IKEv1's phase 1, IKEv2's IKE SA) and of each one after it. */
function exchanges(n: Summarized): { first: string; then: readonly { outcome: string }[] } {
  if (n.ikeVersion === 2) return { first: n.ikeSa?.outcome ?? n.phase1.outcome, then: n.childSas ?? [] };
  return { first: n.phase1.outcome, then: n.phase2 };
}

/** A negotiation failed when the log shows a failure: an exchange that failed, or a finding of severity error. */
export function failed(n: Summarized): boolean {
  const { first, then } = exchanges(n);
  return first === 'failed' || then.some((p) => p.outcome === 'failed') || n.findings.some((f) => f.severity === 'error');
}

export type NegotiationOutcome = 'failed' | 'complete' | 'incomplete';

/** A whole negotiation: failed when the log shows a failure, complete when every exchange it logged completed. */
export function negotiationOutcome(n: Summarized): NegotiationOutcome {
  if (failed(n)) return 'failed';
  const { first, then } = exchanges(n);
  return first === 'complete' && then.every((p) => p.outcome === 'complete') ? 'complete' : 'incomplete';
}

export function summarizeAnalysis(analysis: Pick<Analysis, 'negotiations' | 'records' | 'events'>): AnalysisSummary {
  const whole: OutcomeCounts = {};
  const phase1: OutcomeCounts = {};
  const phase2: OutcomeCounts = {};
  const ikeSa: OutcomeCounts = {};
  const childSas: OutcomeCounts = {};
  const byFinding: Partial<Record<FindingCode, number>> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const peers = new Map<string, PeerSummary>();
  let failures = 0;
  for (const n of analysis.negotiations) {
    const outcome = negotiationOutcome(n);
    count(whole, outcome);
    const { first, then } = exchanges(n);
    count(n.ikeVersion === 2 ? ikeSa : phase1, first);
    for (const p of then) count(n.ikeVersion === 2 ? childSas : phase2, p.outcome);
    let peer = peers.get(n.peer);
    if (peer === undefined) {
      peer = { peer: n.peer, negotiations: 0, failed: 0, codes: [] };
      peers.set(n.peer, peer);
    }
    peer.negotiations += 1;
    for (const f of n.findings) {
      byFinding[f.code] = (byFinding[f.code] ?? 0) + 1;
      bySeverity[f.severity] += 1;
      // a peer has a few codes: a list is cheaper than a set for each of 100,000 peers
      if (!peer.codes.includes(f.code)) peer.codes.push(f.code);
    }
    if (outcome === 'failed') {
      failures += 1;
      peer.failed += 1;
    }
  }
  const failing: PeerSummary[] = [];
  const healthy: PeerSummary[] = [];
  for (const peer of peers.values()) {
    if (peer.codes.length > 1) peer.codes.sort();
    (peer.failed > 0 ? failing : healthy).push(peer);
  }
  // each address read once, not at every comparison: a headend may have thousands of failing peers
  const order = new Map(failing.map((p) => [p, addressOrderKey(p.peer)]));
  const byAddress = (a: PeerSummary, b: PeerSummary) => {
    const ka = order.get(a) ?? '';
    const kb = order.get(b) ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  failing.sort((a, b) => b.failed - a.failed || b.negotiations - a.negotiations || byAddress(a, b));
  const listed = failing.concat(healthy);
  return {
    negotiations: analysis.negotiations.length,
    byOutcome: { negotiation: whole, phase1, phase2, ikeSa, childSas },
    failed: failures,
    byFinding: sortedKeys(byFinding),
    bySeverity,
    peers: listed,
    spans: spansOf(analysis.records),
    ...strayCounts(analysis.events),
  };
}

/** The stray events by message, most lines first. */
function strayCounts(events: Analysis['events']): Pick<AnalysisSummary, 'strays'> {
  if (events.length === 0) return {};
  const by = new Map<string, { event: string; lines: number; peers: Set<string> }>();
  for (const e of events) {
    let c = by.get(e.event);
    if (c === undefined) {
      c = { event: e.event, lines: 0, peers: new Set() };
      by.set(e.event, c);
    }
    c.lines += e.lines.length;
    if (e.peer !== null) c.peers.add(e.peer);
  }
  const strays = [...by.values()].map((c) => ({ event: c.event, lines: c.lines, peers: c.peers.size }));
  return { strays: strays.sort((a, b) => b.lines - a.lines || (a.event < b.event ? -1 : a.event > b.event ? 1 : 0)) };
}

function count(counts: OutcomeCounts, outcome: string): void {
  counts[outcome] = (counts[outcome] ?? 0) + 1;
}

/** The same counts with their keys in code order, so the JSON and the tables read the same every time. */
function sortedKeys<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of (Object.keys(counts) as K[]).sort()) out[key] = counts[key];
  return out;
}

/** Records are in input order, file by file: one pass finds each file's first and last stamped record. */
function spansOf(records: Pick<Analysis['records'], 'file' | 'time'>): AnalysisSummary['spans'] {
  const spans: AnalysisSummary['spans'] = [];
  let open: AnalysisSummary['spans'][number] | null = null;
  for (let i = 0; i < records.time.length; i += 1) {
    const t = records.time[i] ?? -1;
    if (t < 0) continue;
    const file = records.file[i] ?? 0;
    if (open === null || open.file !== file) {
      open = { file, first: t, last: t };
      spans.push(open);
    }
    open.last = t;
  }
  return spans;
}
