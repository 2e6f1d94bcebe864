/**
 * An IKEv2 negotiation's messages as the ladder, playback and inspector read messages: named by exchange and
 * direction (`IKE_AUTH`, `IKE_AUTH.response`), each printed payload name as a payload of its type.
 */
import type { IkeSa, Ikev2Message, Message, PayloadSummary } from '../analysis.ts';
import type { Ikev2MessageName, PayloadType } from '../ike/messages.ts';
import { lookupTable } from '../ike/lookup-table.ts';

const TYPES = lookupTable<PayloadType>({
  SA: 'SA',
  KE: 'KE',
  N: 'NONCE',
  NONCE: 'NONCE',
  VID: 'VID',
  IDi: 'ID',
  IDr: 'ID',
  AUTH: 'AUTH',
  TSi: 'TS',
  TSr: 'TS',
  CFG: 'CFG',
  CERT: 'CERT',
  CERTREQ: 'CERTREQ',
  DELETE: 'DELETE',
  D: 'DELETE',
  ENCR: 'ENCR',
  SK: 'ENCR',
  EAP: 'EAP',
});

function payload(name: string, m: Ikev2Message): PayloadSummary | null {
  const line = m.lines[0];
  if (line === undefined) return null;
  if (name.startsWith('NOTIFY(')) return { type: 'NOTIFY', detail: name.slice(7, -1), line };
  const type = TYPES[name];
  if (type === undefined) return null;
  return { type, detail: type === 'ID' || type === 'TS' ? name : null, line };
}

export function ikev2MessageName(m: Pick<Ikev2Message, 'name' | 'response' | 'liveness'>): Ikev2MessageName {
  if (m.liveness === true) return m.response ? 'INFORMATIONAL.liveness.response' : 'INFORMATIONAL.liveness';
  return m.response ? `${m.name}.response` : m.name;
}

/** Made once per message: the page selects and compares the same objects on every render. */
const made = new WeakMap<Ikev2Message, Message>();

export function asMessage(m: Ikev2Message): Message {
  const hit = made.get(m);
  if (hit !== undefined) return hit;
  const payloads: PayloadSummary[] = [];
  for (const name of m.payloads) {
    const p = payload(name, m);
    if (p !== null) payloads.push(p);
  }
  const out: Message = {
    name: ikev2MessageName(m),
    from: m.from,
    lines: m.lines,
    messageId: m.messageId,
    payloads,
    retransmission: m.retransmission,
    attempt: m.attempt,
    time: m.time,
    packetLines: m.packetLines,
    saState: null,
    ports: null,
  };
  if (m.dir !== undefined) out.dir = m.dir;
  if (m.sideLines !== undefined) out.sideLines = m.sideLines;
  if (m.config !== undefined) out.config = m.config;
  if (m.configByAttribute !== undefined) out.configByAttribute = m.configByAttribute;
  if (m.configDefaultsByAttribute !== undefined) out.configDefaultsByAttribute = m.configDefaultsByAttribute;
  made.set(m, out);
  return out;
}

export function ikeSaMessages(sa: IkeSa): Message[] {
  return sa.messages.map(asMessage);
}
