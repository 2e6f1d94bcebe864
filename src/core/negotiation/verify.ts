/**
 * `show crypto ipsec sa` output tied to the phase 2 that created the SAs it shows (or that show output made of
 * them): each SPI's status, the packet counters and path MTU printed with them, and where no debug line said it,
 * the transforms, mode and PFS group the output lists; the lines that say these join the evidence.
 */
import type { Negotiation, Phase2 } from '../analysis.ts';
import type { IkeEvent } from '../log/events.ts';
import type { ShowOutput, ShownEvent, ShownFigure, ShownSpi } from './show-output.ts';
import { compareLines, type LineRef } from '../ike/line-ref.ts';
import { spiPair } from './spi-pair.ts';

/** A line that names a phase 2's SAs (where they were created, where show output lists them), in any file. */
interface Anchor {
  at: LineRef;
  verified: Verified;
}

interface Verified {
  phase2: Phase2;
  peers: ReadonlySet<string>;
  lines: LineRef[];
  /** The SPIs the show output lists for this phase 2. */
  listed: Set<string>;
  counters: ShownFigure<{ encaps: number | null; decaps: number | null }>[];
  mtus: ShownFigure<{ mtu: number }>[];
}

/** What the blocks that list a phase 2's SPIs say of all their SAs (PFS group, UDP 4500) is said of it. */
function blockFacts(builder: ShowOutput, blocks: ReadonlySet<number>, p: Phase2, said: ShownEvent[]): void {
  for (const f of builder.ofBlocks) {
    if (!blocks.has(f.block)) continue;
    said.push(f.event);
    if (f.event.type === 'show-ipsec-pfs') p.pfsGroup ??= f.event.group;
  }
}

/**
 * The lines show output says something with (each SA's transforms and mode, its block's PFS group and NAT-T port)
 * join the negotiation's evidence, in input order: the diagnosis reads them (NAT_T, WEAK_CRYPTO).
 */
function addEvidence(n: Negotiation, said: readonly ShownEvent[]): void {
  const known = new Set<IkeEvent>(n.evidence);
  const added: ShownEvent[] = [];
  for (const e of said) {
    if (known.has(e)) continue;
    known.add(e);
    added.push(e);
  }
  if (added.length === 0) return;
  const all = [...n.evidence.map((event, i) => ({ event, side: n.evidenceSides[i] ?? null })), ...added.map((event) => ({ event, side: null }))];
  all.sort((a, b) => compareLines(a.event.at, b.event.at));
  n.evidence = all.map((x) => x.event);
  n.evidenceSides = all.map((x) => x.side);
}

export function verify(builder: ShowOutput, negotiations: readonly Negotiation[]): void {
  if (builder.shown.length === 0) return;
  const bySpi = new Map<string, ShownSpi[]>();
  // `current outbound spi:` alone lists an SA where a paste is cut before the SAs' own lines
  const currentBySpi = new Map<string, ShownSpi[]>();
  for (const s of builder.shown) {
    const map = s.direction === 'current-outbound' ? currentBySpi : bySpi;
    const same = map.get(s.spi);
    if (same) same.push(s);
    else map.set(s.spi, [s]);
  }
  // the phase 2s whose SPIs the show output lists, and the output blocks that list them
  const verified: Verified[] = [];
  const anchors: Anchor[] = [];
  const ofBlock = new Map<number, Verified[]>();
  for (const n of negotiations) {
    const peers = new Set([n.peer, n.local, n.routers.initiator.address, n.routers.responder.address]);
    const said: ShownEvent[] = [];
    for (const p of n.phase2) {
      const v: Verified = { phase2: p, peers, lines: [], listed: new Set(), counters: [], mtus: [] };
      const blocks = new Set<number>();
      const before = said.length;
      for (const sa of p.sas) {
        for (const s of bySpi.get(sa.spi) ?? currentBySpi.get(sa.spi) ?? []) {
          blocks.add(s.block);
          v.listed.add(sa.spi);
          v.lines.push(s.line);
          if (s.status !== null) {
            sa.status = s.status;
            sa.statusLine = s.statusLine;
            if (s.statusLine) v.lines.push(s.statusLine);
          }
          // what the lines under the SPI say, where the debug lines said nothing
          sa.transform ??= s.transform;
          p.transform ??= s.transform;
          p.encapsulation ??= s.encapsulation;
          for (const e of s.said) said.push(e);
        }
      }
      if (blocks.size === 0) continue;
      blockFacts(builder, blocks, p, said);
      for (let i = before; i < said.length; i += 1) v.lines.push((said[i] as ShownEvent).at);
      verified.push(v);
      for (const sa of p.sas) anchors.push({ at: sa.line, verified: v });
      for (const at of v.lines) anchors.push({ at, verified: v });
      for (const b of blocks) {
        const list = ofBlock.get(b);
        if (list) list.push(v);
        else ofBlock.set(b, [v]);
      }
      if (!p.sas.some((s) => s.direction === 'outbound')) {
        // the outbound SPI may be known only from `current outbound spi:` of the same show output
        const current = builder.shown.find((s) => s.direction === 'current-outbound' && blocks.has(s.block));
        if (current) {
          const value = Number.parseInt(current.spi.slice(2), 16);
          p.sas.push({ direction: 'outbound', spi: current.spi, spiDecimal: value, transform: null, lifetimeKb: null, lifetimeSeconds: null, line: current.line, status: null, statusLine: null });
          v.listed.add(current.spi);
          v.lines.push(current.line);
        }
      }
    }
    addEvidence(n, said);
  }
  if (verified.length === 0) return;
  anchors.sort((a, b) => compareLines(a.at, b.at));
  const about = (figure: ShownFigure<object>): readonly Verified[] => ofBlock.get(figure.block) ?? latestBefore(anchors, figure);
  for (const c of builder.counters) for (const v of about(c)) v.counters.push(c);
  for (const m of builder.mtus) for (const v of about(m)) v.mtus.push(m);
  for (const v of verified) conclude(v);
}

/**
 * Show output whose block lists no SPI (`show crypto ipsec sa | include caps`, a counter after a ping) is
 * about the phase 2 named last before it in the same file (created, or listed by show output), of its peer
 * when the output names one.
 */
function latestBefore(anchors: readonly Anchor[], figure: ShownFigure<object>): readonly Verified[] {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLines((anchors[mid] as Anchor).at, figure.line) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i -= 1) {
    const { at, verified } = anchors[i] as Anchor;
    if (at.file !== figure.line.file) break;
    if (figure.peer === null || verified.peers.has(figure.peer)) return [verified];
  }
  return [];
}

function conclude(v: Verified): void {
  const p = v.phase2;
  // `current outbound spi:` may have completed the pair
  p.spis ??= spiPair(p.sas);
  let packetsOut: number | null = null;
  let packetsIn: number | null = null;
  // the last counters printed are the ones to believe
  v.counters.sort((a, b) => compareLines(a.line, b.line));
  for (const c of v.counters) {
    if (c.encaps !== null) packetsOut = c.encaps;
    if (c.decaps !== null) packetsIn = c.decaps;
    v.lines.push(c.line);
  }
  let pathMtu: number | null = null;
  v.mtus.sort((a, b) => compareLines(a.line, b.line));
  for (const m of v.mtus) {
    pathMtu = m.mtu;
    v.lines.push(m.line);
  }
  // 12.x prints no `Status:` line: an SA it lists is installed, so only a status other than ACTIVE says it is not
  const active = (spi: string | undefined): boolean =>
    spi !== undefined && v.listed.has(spi) && p.sas.some((s) => s.spi === spi && (s.status === 'ACTIVE' || s.status === null));
  const up = p.spis !== null && active(p.spis.inbound) && active(p.spis.outbound) && (packetsOut ?? 0) > 0 && (packetsIn ?? 0) > 0;
  p.verification = { packetsOut, packetsIn, up, pathMtu, lines: v.lines.sort(compareLines) };
}
