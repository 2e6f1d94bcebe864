/** describeIkev2Show: a line of `show crypto ikev2 sa` / `session` output in plain words, for the log pane. */
import type { Ikev2ShowLine } from './show-ikev2-line.ts';

const STATUS_WORDS = new Map([
  ['READY', 'the IKE SA is up'],
  ['IN-NEG', 'still being negotiated'],
  ['DELETE', 'being deleted'],
]);

/** show crypto session's word for an IKE SA: Active (up) or Inactive. */
function sessionSaStatus(status: string): string {
  return `${status}${status === 'Active' ? ', the IKE SA is up' : status === 'Inactive' ? ', not up (still negotiating or failed)' : ''}`;
}

/** The letters of show crypto session detail's legend (`Code: C - IKE Configuration mode, D - Dead Peer Detection` …). */
const CAPABILITY_WORDS = new Map([
  ['C', 'mode config'],
  ['D', 'dead peer detection'],
  ['K', 'keepalives'],
  ['N', 'NAT traversal'],
  ['T', 'cTCP encapsulation'],
  ['X', 'extended authentication'],
  ['F', 'IKE fragmentation'],
  ['R', 'auto reconnect'],
  ['S', 'SIP VPN'],
  ['U', 'dynamic route update'],
]);

function capabilities(letters: string): string {
  if (letters.length === 0) return 'none';
  return [...letters].map((c) => `${c} ${CAPABILITY_WORDS.get(c) ?? '(not in the legend printed here)'}`).join(', ');
}

export function describeIkev2Show(l: Ikev2ShowLine): string {
  switch (l.kind) {
    case 'row': {
      const ends = l.local === null ? '' : ` ${l.local}:${l.localPort ?? '?'} ↔ ${l.remote ?? '?'}:${l.remotePort ?? '?'}`;
      const status = STATUS_WORDS.get(l.status);
      const words = status === undefined ? '' : `: ${status}`;
      const role = l.initiator === null ? '' : l.initiator ? '; this end initiated it' : '; the peer initiated it, this end responded';
      return `IKEv2 SA (tunnel ${l.tunnelId})${ends}, ${l.status}${words}${role}.`;
    }
    case 'address':
      return `${l.which === 'local' ? 'This router' : 'The peer'}: ${l.address}, port ${l.port}.`;
    case 'crypto': {
      // an SA in IN-NEG prints `Encr: Unknown - 0, PRF: Unknown - 0, Hash: None, DH Grp:0, …`
      if (l.encryption === null && l.prf === null && l.group === null && l.authSign === null) return 'No algorithm agreed yet (Unknown - 0, DH group 0): the IKE SA has not finished IKE_SA_INIT.';
      const parts = l.encryption === null ? [] : [`${l.encryption}${l.keySize === null ? '' : ` ${l.keySize}`}`];
      if (l.prf !== null) parts.push(`PRF ${l.prf}`);
      if (l.hash !== null) parts.push(`integrity ${l.hash}`);
      if (l.group !== null) parts.push(`DH group ${l.group}`);
      // a document that broke the line after `Auth sign: RSA,` gives `Auth verify:` on the next line
      const auth = l.authSign === null ? '' : `; authenticates with ${l.authSign}${l.authVerify === null ? '' : `, verifies the peer's ${l.authVerify}`}`;
      return `The IKE SA's algorithms: ${parts.join(', ')}${auth}.`;
    }
    case 'session-sa':
      if (l.remote === null) return `An IKEv2 SA of this router's ${l.local}:${l.localPort}; its peer's address follows.`;
      return `IKEv2 SA ${l.local}:${l.localPort} ↔ ${l.remote}:${l.remotePort ?? '?'}: ${sessionSaStatus(l.status ?? '')}.`;
    case 'capabilities':
      return `The IKEv2 SA's capabilities: ${capabilities(l.letters)}${l.connId === null ? '' : `; connection ${l.connId}`}${l.lifetime === null ? '' : `, lifetime left ${l.lifetime}`}.`;
    case 'session-flow-sas':
      return l.active > 0 ? `${l.active} IPsec SAs active for this flow: a child SA of the IKEv2 session is up.` : 'No IPsec SA for this flow: no child SA of the IKEv2 session is up.';
    case 'session-flow':
      return `The flow (crypto ACL entry) the IKEv2 SA's child SAs protect: from ${l.local} to ${l.remote}.`;
    case 'session-sa-remote':
      return `The peer's end of the IKEv2 SA above: ${l.remote}:${l.remotePort}, ${sessionSaStatus(l.status)}.`;
    case 'crypto-rest': {
      const parts = [l.prf === null ? null : `PRF ${l.prf}`, l.hash === null ? null : `integrity ${l.hash}`, l.group === null ? null : `DH group ${l.group}`, l.authSign === null ? null : `authenticates with ${l.authSign}`, l.authVerify === null ? null : `verifies the peer's ${l.authVerify}`];
      return `The rest of the algorithms line: ${parts.filter((p) => p !== null).join(', ') || 'nothing agreed yet'}.`;
    }
    case 'life':
      return l.activeSeconds === 0 ? `Lifetime ${l.lifetimeSeconds} s, not active yet (0 s).` : `Lifetime ${l.lifetimeSeconds} s, active for ${l.activeSeconds} s.`;
    case 'spis':
      return `This router's SPI ${l.local}, the peer's ${l.remote}.`;
    case 'description':
      return l.text === 'Negotiation done' ? 'The negotiation is done: the IKE SA is up.' : `Status: ${l.text}.`;
    case 'initiator':
      return l.initiator ? 'This router initiated the IKE SA.' : 'The peer initiated the IKE SA: this router responded.';
    case 'id':
      return `${l.which === 'local' ? 'Our' : "The peer's"} IKE identity: ${l.id}.`;
    case 'session':
      return `IKEv2 session ${l.sessionId}: ${l.status}${l.ikeCount === null ? '' : `, ${l.ikeCount} IKE SA${l.ikeCount === 1 ? '' : 's'}`}${l.childCount === null ? '' : `, ${l.childCount} child SA${l.childCount === 1 ? '' : 's'}`}.`;
    case 'child-selector':
      if (l.which === null) return 'A child SA follows.';
      return `${l.opens ? 'A child SA: ' : ''}${l.which === 'local' ? 'local' : 'remote'} traffic selector ${l.range ?? '?'}.`;
    case 'child-spis':
      return l.inbound === '0x0' && l.outbound === '0x0' ? `No ${l.protocol} SAs.` : `${l.protocol} SPIs: inbound ${l.inbound}, outbound ${l.outbound}.`;
    case 'child-crypto': {
      const parts: string[] = [];
      if (l.encryption !== null) parts.push(`${l.encryption}${l.keySize === null ? '' : ` ${l.keySize}`}`);
      if (l.integrity !== null) parts.push(`integrity ${l.integrity}`);
      if (l.mode !== null) parts.push(`${l.mode} mode`);
      return `The child SA's ${parts.length === 0 ? 'settings' : parts.join(', ')}.`;
    }
    case 'nat':
      if (!l.detected) return 'NAT discovery found no NAT in the path.';
      return `NAT discovery found a NAT${l.where === 'inside' ? ', this router behind it' : l.where === 'outside' ? ', the peer behind it' : ''}: IKE and ESP use UDP 4500.`;
  }
}

/** The lines of `show crypto ikev2 sa detailed` / `session detailed` that change nothing, in words: by their start. */
export const IKEV2_SHOW_INFO_WORDS: readonly [string, string][] = [
  ['IPv4 Crypto IKEv2', 'show crypto ikev2 sa / session: the IPv4 IKE SAs follow.'],
  ['IPv6 Crypto IKEv2', 'show crypto ikev2 sa / session: the IPv6 IKE SAs follow.'],
  ['Tunnel-id ', 'Column headings of the IKEv2 SA table.'],
  ['IKEv2 SAs:', "The ASA's show crypto ikev2 sa: its IKEv2 sessions and SAs follow."],
  ['Crypto IKEv2 SA Statistics', "show crypto ikev2 stats: the router's IKEv2 counters follow, of no one SA."],
  ['CE id:', 'The crypto engine and session numbers of this IKE SA.'],
  ['Local req msg id:', "The message IDs of each side's last request (where the message-ID window stands)."],
  ['Local next msg id:', 'The message ID each side uses next.'],
  ['Local req queued:', 'Requests each side has queued.'],
  ['Local queue msg id:', 'Requests each side has queued.'],
  ['Local window:', "Each side's message-ID window: how many requests may be outstanding (crypto ikev2 window)."],
  ['DPD configured for', 'Dead peer detection as the IKEv2 profile sets it (dpd): interval and retries, 0 when off.'],
  ['Fragmentation not', 'IKEv2 fragmentation is not configured (crypto ikev2 fragmentation).'],
  ['IETF Std Fragmentation', 'IKEv2 fragmentation (RFC 7383) setting.'],
  ['Dynamic Route Update:', 'Whether IKEv2 routing (FlexVPN route set) updates routes for this peer.'],
  ['Extended Authentication', 'EAP or other extended authentication of the peer.'],
  ['Cisco Trust Security SGT', 'Cisco TrustSec SGT tagging across this SA.'],
  ['Pushed IP address', 'The address mode config pushed to the peer (FlexVPN).'],
  ['Assigned host addr', 'The address assigned to the remote client.'],
  ['Remote subnets:', 'The subnets the peer announced follow (FlexVPN routing).'],
  ['PEER TYPE:', 'The kind of peer, as its vendor IDs tell it.'],
  ['CPI in/out:', 'IPComp CPIs of the child SA (0x0: no compression).'],
  ['PQC Key Exchange', 'The post-quantum key exchange used besides Diffie-Hellman.'],
  ['Quantum-safe', 'Whether the SA is protected against quantum attacks (a post-quantum exchange or a PPK).'],
  ['Remote EAP id:', "The peer's EAP identity."],
];

/** Two numbers of a `Local … : N   Remote … : M` line, or null. */
function pair(t: string): [string, string] | null {
  const at = t.indexOf('Remote');
  if (at < 0) return null;
  const local = t.slice(0, at).split(':')[1]?.trim() ?? '';
  const remote = t.slice(at).split(':')[1]?.trim() ?? '';
  return local === '' || remote === '' ? null : [local, remote];
}

/** The words of a detail line whose numbers matter (DPD, message IDs, windows, the assigned address), or null. */
export function ikev2DetailWords(t: string): string | null {
  if (t.startsWith('DPD configured for ')) {
    const n = t.slice(19).split(/[ ,]+/);
    const every = n[0] ?? '';
    const retry = n[3] ?? '';
    if (every === '0') return 'Dead peer detection is off for this SA (no dpd in its IKEv2 profile).';
    return `Dead peer detection: interval ${every} s, retry interval ${retry} s (dpd ${every} ${retry} in the IKEv2 profile).`;
  }
  if (t.startsWith('Assigned host addr:')) return `The address mode config assigned to the peer: ${t.slice(19).trim()}.`;
  const p = pair(t);
  if (p === null) return null;
  const [local, remote] = p;
  if (t.startsWith('Local req msg id:')) return `The message IDs of each side's requests so far: this router ${local}, the peer ${remote} (where the message-ID window stands).`;
  if (t.startsWith('Local next msg id:')) return `The message ID each side uses next: this router ${local}, the peer ${remote}.`;
  if (t.startsWith('Local req queued:') || t.startsWith('Local queue msg id:')) return `Queued requests, by message ID: this router ${local}, the peer ${remote}.`;
  if (t.startsWith('Local window:')) return `The message-ID windows, how many requests may be outstanding: this router ${local}, the peer ${remote} (crypto ikev2 window).`;
  return null;
}
