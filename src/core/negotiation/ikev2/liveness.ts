/**
 * Liveness checks among one router's messages of an IKE SA: an INFORMATIONAL request whose payload list,
 * printed before encryption by its sender or after decryption by its receiver, is empty carries nothing but
 * the encrypted envelope. RFC 7296 2.4 calls it a liveness check (Cisco: dead peer detection); its resends
 * (printed with only `ENCR`) and its answer belong to it. A request whose list the log does not show (only
 * `ENCR`, or an event trace's packet line) is not told apart: a delete is sent the same way (corpus 11's
 * message 3).
 */
import type { V2DraftMessage } from './draft.ts';

/** Marks each liveness check's messages (`liveness`) in place: the empty request, its resends, its answer. */
export function markLiveness(messages: readonly V2DraftMessage[]): void {
  const checks = new Set<string>();
  for (const m of messages) {
    if (m.exchange === 'INFORMATIONAL' && !m.response && m.attempt === 1 && m.listed && m.payloads.length === 0) checks.add(`${m.dir} ${m.messageId}`);
  }
  if (checks.size === 0) return;
  for (const m of messages) {
    if (m.exchange !== 'INFORMATIONAL') continue;
    // the answer goes the other way: a request sent is answered by a response received
    const asked = m.response ? (m.dir === 'out' ? 'in' : 'out') : m.dir;
    if (checks.has(`${asked} ${m.messageId}`)) m.liveness = true;
  }
}
