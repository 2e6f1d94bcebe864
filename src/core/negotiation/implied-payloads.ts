/**
 * What a message carries when its log does not list it all. A router prints the payloads it processes, not
 * those it builds: its own MM1 shows no SA, its MM3 no KE or NONCE, its QM1 nothing. Where the other router's
 * log is merged in, its received copy lists them; otherwise the payloads the protocol requires of the
 * message stand in, marked implied (never shown as read from the log), each before the first payload listed
 * that the protocol puts after it.
 */
import type { Message, PayloadSummary } from '../analysis.ts';
import type { PayloadType } from '../ike/messages.ts';
import { requiredPayloads } from '../ike/required-payloads.ts';

export function withImpliedPayloads(messages: readonly Message[]): void {
  for (const m of messages) {
    const required = requiredPayloads(m.name);
    if (required.length === 0) continue;
    const missing = required.filter((type) => !m.payloads.some((p) => p.type === type));
    if (missing.length === 0) continue;
    const line = m.packetLines?.[m.from] ?? m.lines[0];
    if (line === undefined) continue;
    const implied = (type: PayloadType): PayloadSummary => ({ type, detail: null, line, implied: true });
    const rank = (type: PayloadType): number => {
      const at = required.indexOf(type);
      return at < 0 ? required.length : at;
    };
    const out: PayloadSummary[] = [];
    let next = 0;
    for (const p of m.payloads) {
      while (next < missing.length && rank(missing[next]!) < rank(p.type)) out.push(implied(missing[next++]!));
      out.push(p);
    }
    while (next < missing.length) out.push(implied(missing[next++]!));
    m.payloads = out;
  }
}
