import type { Negotiation } from '../../core/analysis.ts';
import type { LineRef } from '../../core/ike/line-ref.ts';
import type { Side } from '../../core/ike/sides.ts';
import { linesPrintedBy } from '../../core/timeline/printed-by.ts';

const same = (a: LineRef, b: LineRef) => a.file === b.file && a.line === b.line;

/**
 * The router that printed a line of a negotiation, as the builder recorded it: one router's log is all its
 * own; in a merged negotiation, the side its evidence event, message or state change was routed to. Null
 * where nothing says.
 */
export function printerOfLine(negotiation: Negotiation, line: LineRef): Side | null {
  if (negotiation.role === 'initiator' || negotiation.role === 'responder') return negotiation.role;
  if (negotiation.role !== 'both') return null;
  const at = negotiation.evidence.findIndex((e) => same(e.at, line));
  const evidence = at >= 0 ? (negotiation.evidenceSides[at] ?? null) : null;
  if (evidence) return evidence;
  const transitions = [...negotiation.phase1.transitions, ...negotiation.phase2.flatMap((p) => p.transitions)];
  const transition = transitions.find((t) => same(t.line, line) || (t.inputLine !== null && same(t.inputLine, line)));
  if (transition) return transition.side;
  const messages = [...negotiation.phase1.messages, ...negotiation.phase2.flatMap((p) => p.messages), ...negotiation.informational];
  for (const message of messages) {
    for (const side of ['initiator', 'responder'] as const) if (linesPrintedBy(negotiation, message, side).some((l) => same(l, line))) return side;
  }
  return null;
}

/**
 * "HQ's log, line 7": a line named with whose log it is in, as the findings' own texts name log lines; the
 * file's name where no router is known to have printed it.
 */
export function lineOwnerWords(negotiation: Negotiation, line: LineRef, fileName: string | undefined): string {
  const side = printerOfLine(negotiation, line);
  const router = side ? negotiation.routers[side] : null;
  const owner = router ? `${router.name || router.address}'s log` : fileName;
  return owner ? `${owner}, line ${line.line}` : `Line ${line.line}`;
}
