/**
 * IOS's session status messages (`crypto logging session`): `%CRYPTO-5-IKEV2_SESSION_STATUS: Crypto tunnel v2 is UP.
 * Peer 10.0.12.3:500 Id: 10.0.12.3` for an IKEv2 session, `%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP . Peer …`
 * for IKEv1: the IKE SA with that peer came up or went down.
 */
export interface TunnelStatus {
  ikeVersion: 1 | 2;
  up: boolean;
  /** The peer's address without the port IOS prints after it. */
  peer: string;
  port: number | null;
  /** The peer's IKE identity, when printed. */
  id: string | null;
}

const STATUS = /^Crypto tunnel (v2 )?is (UP|DOWN) ?\.\s{1,8}Peer (\S{1,270})(?:\s{1,40}Id: ?(\S{1,260}))?/;
/** `10.0.12.3:500`; an IPv6 address is left whole, its own colons making a port after it ambiguous. */
const IPV4_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/;

export function tunnelStatus(mnemonic: string, text: string): TunnelStatus | null {
  if (mnemonic !== 'SESSION_STATUS' && mnemonic !== 'IKEV2_SESSION_STATUS') return null;
  const m = STATUS.exec(text);
  if (m === null) return null;
  const printed = m[3] ?? '';
  const v4 = IPV4_PORT.exec(printed);
  return {
    ikeVersion: m[1] !== undefined || mnemonic === 'IKEV2_SESSION_STATUS' ? 2 : 1,
    up: m[2] === 'UP',
    peer: v4 === null ? printed : (v4[1] ?? printed),
    port: v4 === null ? null : Number(v4[2]),
    id: m[4] ?? null,
  };
}

export function tunnelStatusWords(s: TunnelStatus): string {
  const who = `${s.peer}${s.port === null ? '' : ` (port ${s.port})`}${s.id !== null && s.id !== s.peer ? `, identity ${s.id}` : ''}`;
  const sa = s.ikeVersion === 2 ? 'its IKEv2 SA' : 'its IKE (phase 1) SA';
  return s.up ? `The crypto session with ${who} is up: ${sa} is established.` : `The crypto session with ${who} is down: ${sa} is gone.`;
}
