/** describeIkev2: an IKEv2 message in plain words, for the log pane and `analyze --annotate`. */
import { authMethodWords, isErrorNotify, notifyWords, smEventWords, smStateWords } from '../../ike/ikev2.ts';
import type { Ikev2ErrorCode, Ikev2Line } from './line.ts';

const ERROR_WORDS: Readonly<Record<Ikev2ErrorCode, string>> = {
  'initial-exchange-failed': 'IKE_SA_INIT failed: no IKE SA.',
  'auth-exchange-failed': 'IKE_AUTH failed: no IKE SA.',
  'auth-failed': "The peer's AUTH payload does not verify: usually a pre-shared key mismatch.",
  'auth-method-mismatch': 'The peer authenticates with another method than the one configured for it.',
  'no-matching-policy': 'No configured proposal matches what the peer offered.',
  'proposals-refused': "The peer's proposals are refused.",
  'selectors-unmatched': "No IPsec policy (crypto map entry) matches the traffic selectors the peer proposed: the two sides' crypto ACLs (proxy identities) differ.",
  'retransmit-limit': 'No answer after the last retransmission: the negotiation gives up.',
  'auth-timeout': 'IKE_AUTH never came: the responder gives up.',
  abort: 'The exchange is aborted.',
  'wrong-dh-group': "The peer's KE payload uses another Diffie-Hellman group than the one asked for.",
  'nat-t-disabled': 'NAT is in the path but NAT traversal is disabled.',
  'in-negotiation': 'An SA with this peer is already being negotiated: no new one is started.',
  'identity-not-found': "Nothing configured matches the peer's identity: no IKEv2 profile (IOS) or tunnel group (ASA) for it.",
  'profile-not-found': "No IKEv2 profile matches the peer's identity (`match identity remote`, or a certificate map for a certificate's name).",
  'peer-id-check-failed': "The peer's identity is not in its certificate: the peer ID check failed.",
  'cert-failed': "The peer's certificate did not verify (chain, trustpoint, validity or revocation).",
  'cert-encoding': "The peer's certificate came in an encoding this end does not take, or the peer asked for certificates by HTTP URL without announcing HTTP_LOOKUP_SUPPORTED: the certificate authentication fails.",
  'no-tunnel-group': 'No tunnel group is configured for this peer: the ASA cannot negotiate with it.',
  'no-own-auth': 'The ASA cannot set its own authentication method for this peer: no tunnel group, or none configured in it.',
  'policy-not-built': "The IKEv2 policy for this peer could not be built: its authentication (the tunnel group's local and remote methods and keys) is not configured.",
  'connect-failed': 'The LAN-to-LAN connection to this peer is not started.',
  'platform-errors': 'The platform (PKI, AAA) reported an error for this exchange.',
  empty: 'An error line without text: means nothing alone.',
  other: 'An IKEv2 error.',
};

function notifyText(name: string): string {
  const words = notifyWords(name);
  return words === null ? name : `${name} (${words})`;
}

/** What an empty payload list (or an empty encrypted payload) says: an INFORMATIONAL request that carries nothing is a liveness check (RFC 7296 2.4). */
function emptyMeaning(l: Extract<Ikev2Line, { kind: 'packet' }>): string {
  if (l.exchange !== 'INFORMATIONAL') return '';
  return l.response === false ? ', a liveness check (dead peer detection)' : ', an acknowledgement';
}

function payloads(list: readonly string[]): string {
  return list.length === 0 ? 'no payloads' : list.join(' ');
}

export function describeIkev2(l: Ikev2Line): string {
  switch (l.kind) {
    case 'packet': {
      const what = l.exchange === null ? 'an IKEv2 message' : `the ${l.exchange} ${l.response === true ? 'response' : l.response === false ? 'request' : 'message'}`;
      const id = l.messageId === null ? '' : `, message ID ${l.messageId}`;
      const peer = l.peer === null ? '' : l.dir === 'out' ? ` to ${l.peer}` : ` from ${l.peer}`;
      const sealed = l.payloads.length === 1 && l.payloads[0] === 'ENCR';
      const carries =
        sealed && l.inner === 'NONE'
          ? `: ENCR holding nothing${emptyMeaning(l)}`
          : l.payloads.length > 0
            ? `: ${payloads(l.payloads)}${sealed ? ' (encrypted)' : ''}`
            : l.listed
              ? `: no payloads${emptyMeaning(l)}`
              : '';
      return `${l.dir === 'out' ? 'Sends' : 'Receives'} ${what}${peer}${id}${carries}.`;
    }
    case 'packet-summary':
      return `${l.dir === 'out' ? 'Sent' : 'Received'} ${l.exchange ?? 'an IKEv2 message'}, ${l.from}:${l.fromPort} → ${l.to}:${l.toPort}, message ID ${l.messageId}.`;
    case 'decode':
      return `Header: ${l.exchange ?? '?'}${l.flags.length > 0 ? `, ${l.flags.join(' ').toLowerCase()}` : ''}${l.messageId === null ? '' : `, message ID ${l.messageId}`}.`;
    case 'sm': {
      const state = smStateWords(l.state);
      const event = smEventWords(l.event);
      return `State machine (${l.role === 'I' ? 'initiator' : 'responder'}): in ${l.state}${state === null ? '' : ` (${state})`}, ${l.event}${event === null ? '' : `: ${event}`}.`;
    }
    case 'proposal':
      return `${l.protocol === 'IKE' ? 'IKE SA' : `Child SA (${l.protocol})`} proposal ${l.number}${l.transforms.length > 0 ? `: ${l.transforms.join(' ')}` : ''}.`;
    case 'policies':
      if (l.proposals.length > 0) return `${l.which === 'received' ? 'The peer offered' : 'This router accepts'}: ${l.proposals.join('; ')}.`;
      // the ASA prints the heading and no proposal under it (corpus 32, 39)
      return l.which === 'received'
        ? 'The list of what the peer offered is empty.'
        : 'This router has no proposal to accept here (its list is empty): nothing configured applies to this exchange, for a child SA no crypto map entry with a transform set that covers these traffic selectors.';
    case 'payloads':
      if (!l.listed) return 'The message to encrypt is built (its payload list is not printed here).';
      return l.payloads.length === 0
        ? 'The message to encrypt carries no payloads: an INFORMATIONAL request that carries nothing is a liveness check (dead peer detection).'
        : `The message to encrypt carries ${payloads(l.payloads)}.`;
    case 'notify': {
      const refusal = isErrorNotify(l.notify) ? ' (an error notify)' : '';
      return `${l.dir === 'out' ? 'Adds notify' : 'The peer sent notify'} ${notifyText(l.notify)}${refusal}.`;
    }
    case 'retransmit':
      return 'No answer yet: the last request is sent again.';
    case 'delete':
      if (l.what === 'ike') return `${l.dir === 'out' ? 'Deletes' : 'The peer deletes'} the IKE SA${l.spis === null ? '' : ` ${l.spis.initiator}/${l.spis.responder}`}.`;
      return `${l.dir === 'out' ? 'Deletes' : 'The peer deletes'} the child SA with SPI 0x${l.spi ?? '?'}.`;
    case 'up':
      return `The IKE SA is up${l.ids === null ? '' : ` between ${l.ids[0]} and ${l.ids[1]}`} (its child SA may still be refused).`;
    case 'created':
      return `The IKE SA is authenticated and stored${l.lifetimeSeconds === null ? '' : `, lifetime ${l.lifetimeSeconds} s`}.`;
    case 'auth':
      return l.passed ? "The peer's authentication verifies." : "The peer's authentication does not verify: usually a pre-shared key mismatch.";
    case 'psk':
      return l.own
        ? `Pre-shared key for ${l.id} found${l.keyLength === null ? '' : `, ${l.keyLength} characters (compare the length on both ends)`}.`
        : `Looking up the pre-shared key of ${l.id}.`;
    case 'auth-method':
      return `${l.own ? 'This router authenticates' : 'The peer authenticates'} with ${l.method}.`;
    case 'auth-method-code':
      return l.whose === 'own'
        ? `This router's authentication method: ${authMethodWords(l.code)}.`
        : l.whose === 'peer'
          ? `The peer authenticates with ${authMethodWords(l.code)}.`
          : `The authentication method this router accepts from the peer: ${authMethodWords(l.code)}.`;
    case 'identity':
      return l.own ? `Our identity: ${l.id} (${l.idType}).` : `The peer's identity ${l.id} (${l.idType}) selects the IKEv2 profile.`;
    case 'no-proxy-match':
      return `The peer's traffic selectors match no entry of crypto map ${l.map ?? '?'}${l.seq === null ? '' : ` (seq ${l.seq})`}: the crypto ACLs are not mirror images.`;
    case 'crypto-map-other-peer':
      return `Crypto map ${l.map ?? '?'} seq ${l.seq ?? '?'} is for another peer: its \`set peer\` does not name this one, so the entry does not apply.`;
    case 'crypto-map-incomplete':
      return `Crypto map ${l.map ?? '?'} seq ${l.seq ?? '?'} has no ${l.missing}: it cannot match the peer's traffic selectors.`;
    case 'weaker-ike':
      return `The IKE SA's ${l.ike} is weaker than the child SA's ${l.ipsec} it protects (a warning; the SA still comes up).`;
    case 'lookup':
    case 'nat':
    case 'step':
      return l.words;
    case 'pfkey':
      return `IPsec data plane: ${l.action}${l.spi === null ? '' : ` for SPI ${l.spi}`}${l.error ? ', with an error' : ''}.`;
    case 'gone':
      return 'The IKE SA is gone.';
    case 'window':
      return l.messageId !== null && l.from !== null && l.to !== null && (l.messageId < l.from || l.messageId > l.to)
        ? `A request with message ID ${l.messageId}, outside the window ${l.from} to ${l.to}: a duplicate or a request out of order.`
        : 'Message-ID window check (normal).';
    case 'error':
      return ERROR_WORDS[l.code];
  }
}

/** A record's words: its first message, and those glued after it. */
export function describeIkev2Record(line: Ikev2Line, also: readonly Ikev2Line[]): string {
  if (also.length === 0) return describeIkev2(line);
  return [describeIkev2(line), ...also.map(describeIkev2)].join(' ');
}
