/**
 * Stray events: error and syslog lines that joined no negotiation. One `%CRYPTO-4-IKMP_BAD_MESSAGE` pasted
 * alone, or ESP for an unknown SPI with no exchange around it, says something happened but shows no
 * negotiation: it is an event with its meaning (the line's annotation), with no mode, role, outcome or finding.
 * So is IPsec's `IPSEC(sa_request)` that no IKE line follows: IPsec asked IKE for SAs to a peer, and the paste
 * shows nothing of IKE answering it.
 */
import type { StrayEvent } from '../analysis.ts';
import { compareLines } from '../ike/line-ref.ts';
import type { IkeEvent } from '../log/events.ts';
import { syslogGist } from '../log/ipsec.ts';
import type { Draft } from './draft.ts';

/** A line that alone makes no negotiation: an error, a syslog message, IPsec asking for SAs. */
export function isStrayLine(e: IkeEvent): boolean {
  return e.type === 'error' || e.type === 'syslog' || isSaRequest(e);
}

function isSaRequest(e: IkeEvent): e is Extract<IkeEvent, { type: 'ipsec-request' }> {
  return e.type === 'ipsec-request' && e.kind === 'sa_request';
}

/** What the paste shows beside a lone sa_request, said after its meaning. */
export const NO_IKE_AFTER_REQUEST = 'No IKE line follows in the paste: it does not show IKE negotiating them.';

/** A draft made of stray lines only: no packet, state, proposal, SA or show row joined it. */
export function isStrayDraft(d: Draft): boolean {
  return d.strays !== null && d.strays.length > 0;
}

/** What names the event: IOS's own `%FACILITY-SEVERITY-MNEMONIC`, or the kind of error line. */
function eventName(e: IkeEvent): string {
  if (e.type === 'syslog') return `%${e.facility}-${e.severity}-${e.mnemonic}`;
  if (e.type === 'error') return e.code;
  if (isSaRequest(e)) return 'IPSEC(sa_request)';
  return e.type;
}

/** The stray drafts' lines, one event per message and peer, in input order. */
export function strayEvents(drafts: readonly Draft[]): StrayEvent[] {
  const out: StrayEvent[] = [];
  for (const d of drafts) {
    if (!isStrayDraft(d)) continue;
    const byName = new Map<string, StrayEvent>();
    for (const e of d.strays ?? []) {
      const event = eventName(e);
      const peer = (e.type === 'syslog' || e.type === 'error' ? e.peer : isSaRequest(e) ? e.remote : null) ?? d.peer;
      // one event per message and peer, and per meaning where the text decides it (a tunnel up, then down)
      const key = `${event} ${peer ?? ''} ${e.type === 'syslog' ? syslogGist(e) : ''}`;
      const seen = byName.get(key);
      if (seen) seen.lines.push(e.at);
      else {
        const ev: StrayEvent = isSaRequest(e) ? { event, peer, lines: [e.at], note: NO_IKE_AFTER_REQUEST } : { event, peer, lines: [e.at] };
        byName.set(key, ev);
        out.push(ev);
      }
    }
  }
  return out.sort((a, b) => compareLines(a.lines[0]!, b.lines[0]!));
}
