/** A Quick Mode as the contract tells it: its messages named QM1 to QM3, its outcome and its transform. */
import type { Message, Phase2 } from '../analysis.ts';
import type { MessageName } from '../ike/messages.ts';
import { message } from './contract-view.ts';
import type { Draft, DraftPhase2 } from './draft.ts';
import { spiPair } from './spi-pair.ts';
import { reachedMessage } from './step-names.ts';
import { lookupTable } from '../ike/lookup-table.ts';

const CIPHERS = lookupTable<string>({
  ESP_DES: 'esp-des',
  ESP_3DES: 'esp-3des',
  ESP_AES: 'esp-aes',
  ESP_NULL: 'esp-null',
  ESP_GCM: 'esp-gcm',
  ESP_SEAL: 'esp-seal',
});

const AUTHENTICATORS = lookupTable<string>({
  'HMAC-SHA': 'esp-sha-hmac',
  'HMAC-MD5': 'esp-md5-hmac',
  'HMAC-SHA256': 'esp-sha256-hmac',
  'HMAC-SHA384': 'esp-sha384-hmac',
  'HMAC-SHA512': 'esp-sha512-hmac',
});

export function phase2Of(d: Draft, p: DraftPhase2): Phase2 {
  const qmSide = p.side ?? d.side ?? 'initiator';
  const messages: Message[] = [];
  const last: { out: MessageName | null; in: MessageName | null } = { out: null, in: null };
  /** How many messages of each name came before: a second QM1 is a resend. */
  const told = new Map<MessageName, number>();
  for (const m of p.messages) {
    // a resend, ours or the peer's, repeats the last message of its direction; QM3 answers QM2, so until the
    // initiator has QM2, whatever it sends (or the responder receives) is QM1 again
    const resent = m.retransmission ? last[m.dir] : null;
    const name = resent ?? reachedMessage('quick', qmSide, m.dir, told) ?? 'UNKNOWN';
    last[m.dir] = name;
    const earlier = told.get(name) ?? 0;
    told.set(name, earlier + 1);
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
