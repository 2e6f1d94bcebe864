/** describeIkev2Show: a line of `show crypto ikev2 sa` / `session` output in plain words, for the log pane. */
import type { Ikev2ShowLine } from './show-ikev2-line.ts';

const STATUS_WORDS = new Map([
  ['READY', 'the IKE SA is up'],
  ['IN-NEG', 'still being negotiated'],
  ['DELETE', 'being deleted'],
]);

export function describeIkev2Show(l: Ikev2ShowLine): string {
  switch (l.kind) {
    case 'row': {
      const ends = l.local === null ? '' : ` ${l.local}:${l.localPort ?? '?'} ↔ ${l.remote ?? '?'}:${l.remotePort ?? '?'}`;
      const status = STATUS_WORDS.get(l.status);
      const words = status === undefined ? '' : `: ${status}`;
      return `IKEv2 SA (tunnel ${l.tunnelId})${ends}, ${l.status}${words}.`;
    }
    case 'address':
      return `${l.which === 'local' ? 'This router' : 'The peer'}: ${l.address}, port ${l.port}.`;
    case 'crypto': {
      const parts = [`${l.encryption}${l.keySize === null ? '' : ` ${l.keySize}`}`];
      if (l.prf !== null) parts.push(`PRF ${l.prf}`);
      if (l.hash !== null) parts.push(`integrity ${l.hash}`);
      if (l.group !== null) parts.push(`DH group ${l.group}`);
      const auth = l.authSign === null ? '' : `; authenticates with ${l.authSign}, verifies the peer's ${l.authVerify ?? '?'}`;
      return `The IKE SA's algorithms: ${parts.join(', ')}${auth}.`;
    }
    case 'life':
      return `Lifetime ${l.lifetimeSeconds} s, up for ${l.activeSeconds} s.`;
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
      return l.detected ? 'NAT is in the path: IKE and ESP use UDP 4500.' : 'No NAT in the path.';
  }
}
