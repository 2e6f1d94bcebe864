/** The packet lines of ISAKMP debug output: a packet sent to or received from the peer. */
import type { AddressBook } from './addresses.ts';
import type { IkeEventBody, PacketRole } from './events.ts';
import { num } from './isakmp-attributes.ts';

/**
 * `sending packet to X my_port 500 peer_port 500 (I) MM_NO_STATE`, `received packet from X dport 500 sport 500
 * Global (N) NEW SA`, and the older forms without ports or role: read token by token. Anything after the
 * state (an author's note) is ignored; a token out of place (a line re-joined inside a word) gives null.
 */
function packetLine(t: string, dir: 'out' | 'in', book: AddressBook): IkeEventBody | null {
  const tokens = t.split(' ').filter((x) => x.length > 0);
  const address = tokens[3];
  if (address === undefined) return null;
  let i = 4;
  let localPort: number | null = null;
  let peerPort: number | null = null;
  const [first, second] = dir === 'out' ? ['my_port', 'peer_port'] : ['dport', 'sport'];
  if (tokens[i] === first) {
    if (tokens[i + 2] !== second) return null;
    localPort = num(tokens[i + 1]);
    peerPort = num(tokens[i + 3]);
    if (localPort === null || peerPort === null) return null;
    i += 4;
  }
  // a VRF name (`Global`) before the role on received packets
  if (dir === 'in' && tokens[i] !== undefined && tokens[i]?.charCodeAt(0) !== 40 && tokens[i + 1]?.charCodeAt(0) === 40) i += 1;
  let role: PacketRole | null = null;
  const r = tokens[i];
  if (r === '(I)' || r === '(R)' || r === '(N)') {
    role = r.charCodeAt(1) === 73 ? 'I' : r.charCodeAt(1) === 82 ? 'R' : 'N';
    i += 1;
  } else if (r !== undefined && /^[A-Z_]{4,}$/.test(r) === false) {
    return null;
  }
  const state: string | null =
    tokens[i] === 'NEW' && tokens[i + 1] === 'SA' ? 'NEW SA' : /^[A-Z][A-Z_]{3,}$/.test(tokens[i] ?? '') ? (tokens[i] ?? null) : null;
  const peer = book.address(address);
  if (peer === null) return null;
  return { type: 'packet', dir, peer, localPort, peerPort, role, state };
}

export function received(t: string, book: AddressBook): IkeEventBody | null {
  return packetLine(t, 'in', book);
}

export function sending(t: string, book: AddressBook): IkeEventBody | null {
  return packetLine(t, 'out', book);
}
