/**
 * The header and payload decode `debug crypto ikev2 packet` prints after a packet block: the header line
 * `Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR Message id: 0, length: 524`, then
 * `Payload contents: ` and one line per payload naming the next (`SA  Next payload: KE, reserved: 0x0, length: 144`).
 * The forms are those of the 15.x decode (Cisco's IKEv2 fragmentation guide, FRAG in IKEv2.md) and of the ASA's
 * (corpus 29: ` IDr  Next payload: AUTH, reserved: 0x0, length: 12`, the flags `RESPONDER MSG-RESPONSE`); an
 * encrypted message decodes as one ENCR payload whose next payload is the first one inside it (corpus 29, RFC 7296
 * 3.14). The payloads' lengths are those corpus 29 shows for each payload (one proposal, PSK, IPv4), not computed
 * from the simulated contents; the decode's sub-lines (proposals, hex dumps) are left out.
 */
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';

const LENGTHS = new Map<string, number>([
  ['SA', 48],
  ['KE', 264],
  ['N', 68],
  ['VID', 20],
  ['IDi', 12],
  ['IDr', 12],
  ['AUTH', 40],
  ['TSi', 24],
  ['TSr', 24],
  ['NOTIFY(NAT_DETECTION_SOURCE_IP)', 28],
  ['NOTIFY(NAT_DETECTION_DESTINATION_IP)', 28],
]);

/** A payload list's token as the decode's `Next payload:` names its type (`NOTIFY(X)` → `NOTIFY`). */
function typeOf(payload: string): string {
  const paren = payload.indexOf('(');
  return paren < 0 ? payload : payload.slice(0, paren);
}

function lengthOf(payload: string): number {
  return LENGTHS.get(payload) ?? 8;
}

/** One line per payload, each naming the next one's type (`NONE` after the last). */
function payloadLines(payloads: readonly string[]): string[] {
  return payloads.map((p, i) => ` ${p}  Next payload: ${i + 1 < payloads.length ? typeOf(payloads[i + 1] ?? '') : 'NONE'}, reserved: 0x0, length: ${lengthOf(p)}`);
}

export interface DecodedPacket {
  message: Ikev2MessageName;
  messageId: number;
  /** Which router sent it (the `INITIATOR` / `RESPONDER` flag: the IKE SA's original initiator or not). */
  sender: Side;
  /** The payloads in the clear (an encrypted message's inside). */
  payloads: readonly string[];
}

/** The decode's first line (after the prefix) and its continuation lines. */
export function packetDecode(p: DecodedPacket): { header: string; more: string[] } {
  const response = p.message.endsWith('.response');
  const exchange = response ? p.message.slice(0, -9) : p.message;
  const encrypted = exchange !== 'IKE_SA_INIT';
  const inner = payloadLines(p.payloads);
  const innerLength = p.payloads.reduce((sum, x) => sum + lengthOf(x), 0);
  // the encrypted payload: its header, the IV and the integrity checksum around what it holds
  const body = encrypted ? [` ENCR  Next payload: ${p.payloads.length > 0 ? typeOf(p.payloads[0] ?? '') : 'NONE'}, reserved: 0x0, length: ${innerLength + 32}`] : inner;
  const bodyLength = encrypted ? innerLength + 32 : innerLength;
  const first = encrypted ? 'ENCR' : p.payloads.length > 0 ? typeOf(p.payloads[0] ?? '') : 'NONE';
  const flags = `${p.sender === 'initiator' ? 'INITIATOR' : 'RESPONDER'}${response ? ' MSG-RESPONSE' : ''}`;
  return {
    header: `Next payload: ${first}, version: 2.0 Exchange type: ${exchange}, flags: ${flags} Message id: ${p.messageId}, length: ${28 + bodyLength}`,
    more: ['Payload contents: ', ...body],
  };
}
