/** Questions the IKEv2 rules ask of a negotiation's evidence: which lines say what, and whose log they are in. */
import type { Ikev2Message, Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Side } from '../../ike/sides.ts';
import type { IkeEvent } from '../../log/events.ts';
import type { Ikev2Line } from '../../log/ikev2/line.ts';

type V2Event = Extract<IkeEvent, { type: 'ikev2' }>;

export interface Cited {
  line: Ikev2Line;
  at: LineRef;
  side: Side | null;
}

/** Every IKEv2 message of the evidence (glued ones too), with its line and the side that printed it: what the rules read, gathered once per negotiation. */
export function cited(n: Negotiation): Cited[] {
  const out: Cited[] = [];
  n.evidence.forEach((e, i) => {
    if (e.type !== 'ikev2') return;
    const v = e as V2Event;
    const side = n.evidenceSides[i] ?? null;
    out.push({ line: v.line, at: v.at, side });
    for (const line of v.also) out.push({ line, at: v.at, side });
  });
  return out;
}

/** The responses carrying an error notify, with the notify. */
export function refusedBy(n: Negotiation, notify: string): Ikev2Message[] {
  return (n.ikeSa?.messages ?? []).filter((m) => m.response && m.payloads.includes(`NOTIFY(${notify})`));
}

/** The router's name for a side, as the page names it. */
export function routerName(n: Negotiation, side: Side | null): string {
  if (side === null) return 'one router';
  const name = n.routers[side].name;
  // an excerpt that prints no address nor prompt names the router by its side
  return name === '?' ? `the ${side}` : name;
}

/** `line 12` or `lines 12, 40` of one router's log, for a finding's summary. */
export function linesWords(lines: readonly LineRef[]): string {
  const numbers = [...new Set(lines.map((l) => l.line))].sort((a, b) => a - b);
  if (numbers.length === 0) return '';
  const shown = numbers.slice(0, 6).join(', ');
  return `line${numbers.length === 1 ? '' : 's'} ${shown}${numbers.length > 6 ? ', …' : ''}`;
}

/** The proposals a refusing ASA printed (`Received Policies:` / `Expected Policies:`), for the child SA or the IKE SA. */
export function policies(c: readonly Cited[], child: boolean): { received: string[]; expected: string[]; lines: LineRef[] } {
  const out = { received: [] as string[], expected: [] as string[], lines: [] as LineRef[] };
  for (const x of c) {
    if (x.line.kind !== 'policies') continue;
    const esp = x.line.proposals.some((p) => p.startsWith('ESP:') || p.startsWith('AH:'));
    // an empty list (`Expected Policies:` then nothing) belongs to the exchange its neighbour names
    if (x.line.proposals.length > 0 && esp !== child) continue;
    out.lines.push(x.at);
    const list = x.line.which === 'received' ? out.received : out.expected;
    for (const p of x.line.proposals) list.push(p);
  }
  return out;
}
