/**
 * What a message carries when its log does not list it all. A router prints the payloads it processes, not
 * those it builds: its own MM1 shows no SA, its MM3 no KE or NONCE, its QM1 nothing. Where the other router's
 * log is merged in, its received copy lists them; otherwise the payloads the protocol requires of the
 * message stand in, marked implied (never shown as read from the log), each before the first payload listed
 * that the protocol puts after it.
 */
import type { Message, PayloadSummary } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { PayloadType } from '../ike/messages.ts';
import { requiredPayloads } from '../ike/required-payloads.ts';

export function withImpliedPayloads(messages: readonly Message[]): void {
  for (const m of messages) {
    const required = requiredPayloads(m.name);
    // most messages list what they carry: no copy for them (top-level helpers, no closure per message)
    if (required.length === 0 || listsAll(m.payloads, required)) continue;
    const line = m.packetLines?.[m.from] ?? m.lines[0];
    if (line === undefined) continue;
    m.payloads = withMissing(m.payloads, required, line);
  }
}

function lists(payloads: readonly PayloadSummary[], type: PayloadType): boolean {
  for (const p of payloads) if (p.type === type) return true;
  return false;
}

function listsAll(payloads: readonly PayloadSummary[], required: readonly PayloadType[]): boolean {
  for (const type of required) if (!lists(payloads, type)) return false;
  return true;
}

/** Where the protocol puts a payload type among the required ones; a type it does not require goes last. */
function rank(required: readonly PayloadType[], type: PayloadType): number {
  const at = required.indexOf(type);
  return at < 0 ? required.length : at;
}

function withMissing(payloads: readonly PayloadSummary[], required: readonly PayloadType[], line: LineRef): PayloadSummary[] {
  const missing = required.filter((type) => !lists(payloads, type));
  const out: PayloadSummary[] = [];
  let next = 0;
  for (const p of payloads) {
    while (next < missing.length && rank(required, missing[next]!) < rank(required, p.type)) out.push({ type: missing[next++]!, detail: null, line, implied: true });
    out.push(p);
  }
  while (next < missing.length) out.push({ type: missing[next++]!, detail: null, line, implied: true });
  return out;
}
