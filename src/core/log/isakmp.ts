/**
 * The meaning of one ISAKMP debug message text (the part after `ISAKMP: (1011):`). Keyword dispatch on the
 * first characters, then an anchored regex for the few shapes that carry values.
 */
import { toUnsigned32 } from '../ike/numbers.ts';
import { PAYLOAD_NAMES } from '../ike/vocabulary.ts';
import type { AddressBook } from './addresses.ts';
import type { IkeEventBody, P1Attribute } from './events.ts';
import { lifeDuration, lifetime, num, p1Attribute, p2Attribute } from './isakmp-attributes.ts';
import { received, sending } from './isakmp-packet.ts';

const INPUT = /^(?:Node (-?\d+), )?Input = ([A-Z_\d]+), ?([A-Z_\d]+)$/;
// a state name may carry a stray dot that publication put before it (`Old State = .IKE_I_MM2`)
const STATE = /^Old State = \.?([A-Z_\d]+) +New State = \.?([A-Z_\d]+)$/;
// a DELETE of the ISAKMP SA also prints the SPI size: 16, its two cookies
const PROCESSING = /^processing ([A-Za-z_ -]+?) payload\.?(?: message ID = (-?\d+))?(?:, spi size = \d+)?$/;
const CHECK_P1 = /^Checking ISAKMP transfor?m? (\d+) against priority (\d+) policy$/;
const NEXT_PAYLOAD = /^Next payload is (\d{1,3})/;
const NODE = /^(set new|deleting|purging) node (-?\d+)(?: to ([A-Z_]+)| error (TRUE|FALSE) reason "([^"]*)")?/;
const NOTIFY = /^(processing|[Ss]ending) NOTIFY ([A-Z_/\d]+) protocol (\d+)(?:\s+spi (\S+?),? message ID = (-?\d+))?/;
// 12.2 and before print `phase 1 SA not acceptable!`, later releases add `policy` and the endpoints
const REJECTED = /^phase [12] SA (?:policy )?not acceptable! \(local (\S+) remote (\S+)\)/;
const RETRANSMIT = /^retransmitting phase ([12]) ?([A-Z_]+)?/;
const ATTEMPT = /attempt (\d+) of (\d+)/;

function info(text: string, words?: string): IkeEventBody {
  return words === undefined ? { type: 'info', text } : { type: 'info', text, words };
}

const P1_MISMATCH: readonly [string, P1Attribute][] = [
  ['Encryption algorithm offered', 'encryption'],
  ['Hash algorithm offered', 'hash'],
  ['Diffie-Hellman group offered', 'group'],
  ['Proposed key length', 'keyLength'],
  ['Authentication method offered', 'auth'],
  ['Auth method offered', 'auth'],
  ['Life type', 'lifeType'],
];

/** Both ends of a negotiation, when both printed words are addresses. */
function endpoints(local: string | undefined, peer: string | undefined, book: AddressBook): IkeEventBody | null {
  const l = book.address(local ?? '');
  const p = book.address(peer ?? '');
  return l === null || p === null ? null : { type: 'endpoints', local: l, peer: p };
}

/** The peer address at the end of `... matching X`, `... with X!`. */
function tail(t: string, prefix: string, book: AddressBook): string | null {
  const rest = t.slice(prefix.length).trim();
  if (rest.length === 0 || rest.indexOf(' ') >= 0) return null;
  return book.address(rest);
}

export function isakmpEvent(t: string, book: AddressBook): IkeEventBody | null {
  switch (t.charCodeAt(0)) {
    case 73: // I
      if (t.startsWith('Input = ')) return input(t);
      break;
    case 79: // O
      if (t.startsWith('Old State')) {
        const m = STATE.exec(t);
        return m ? { type: 'fsm-state', from: m[1] ?? '', to: m[2] ?? '' } : null;
      }
      break;
    case 78: // N
      if (t.startsWith('Node ')) return input(t);
      if (t.startsWith('No pre-shared key with ')) {
        const peer = t.slice(23).replace(/!$/, '');
        return { type: 'psk', found: false, peer: book.address(peer) };
      }
      if (t.startsWith('NAT found')) return { type: 'nat', detected: true, text: t };
      if (t.startsWith('No NAT Found')) return { type: 'nat', detected: false, text: t };
      if (t.startsWith('No Cert or pre-shared address key')) return { type: 'error', code: 'no-psk-address', peer: null, text: t };
      break;
    case 112: // p
      if (t.startsWith('processing ')) {
        const e = processing(t, book);
        if (e !== null) return e;
      }
      if (t.startsWith('purging node')) return node(t);
      if (t.startsWith('purging SA')) return { type: 'sa', action: 'purged', reason: null, peer: null };
      if (t.startsWith('peer matches')) return info(t);
      if (t.startsWith('peer does not do paranoid keepalives')) return info(t);
      if (t.startsWith('pre-shared key authentication using id type')) return info(t);
      if (t.startsWith('phase 1 SA policy not acceptable') || t.startsWith('phase 2 SA policy not acceptable') || t.startsWith('phase 1 SA not acceptable') || t.startsWith('phase 2 SA not acceptable')) {
        const m = REJECTED.exec(t);
        const peer = m?.[2] ? book.address(m[2]) : null;
        // one mask printed for both ends (`local <ip> remote <ip>`) tells the peer at most, never the router itself
        const local = m?.[1] && m[1] !== m[2] ? book.address(m[1]) : null;
        return t.startsWith('phase 1')
          ? { type: 'p1-rejected', local, peer, text: t }
          : { type: 'p2-rejected', local, peer, error: null, text: t };
      }
      if (t.startsWith('phase 1 packet is a duplicate')) return { type: 'duplicate', phase: 1 };
      if (t.startsWith('phase 2 packet is a duplicate')) return { type: 'duplicate', phase: 2 };
      break;
    case 114: // r
      if (t.startsWith('received packet from ')) return received(t, book);
      if (t.startsWith('retransmitting')) {
        const m = RETRANSMIT.exec(t);
        // `retransmitting due to retransmit phase 2` names its phase at the end
        const phase = m ? (m[1] === '2' ? 2 : 1) : t.endsWith('phase 2') ? 2 : 1;
        return { type: 'retransmit', phase, state: m?.[2] ?? null, attempt: null, of: null };
      }
      if (t.startsWith('received payload type ')) return payloadType(t.slice(22).trim());
      if (t.startsWith('received ke message')) return info(t);
      break;
    case 115: // s
      if (t.startsWith('sending packet to ')) return sending(t, book);
      if (t.startsWith('set new node')) return node(t);
      if (t.startsWith('speaking to another IOS box')) return { type: 'vendor', vendor: 'IOS', dir: 'in', mismatch: false };
      if (t.startsWith('sending NOTIFY')) return notify(t);
      break;
    case 83: // S
      if (t.startsWith('Sending an IKE IPv')) return { type: 'packet-sent', ipVersion: t.charCodeAt(18) === 54 ? 6 : 4 };
      if (t.startsWith('Sending NOTIFY')) return notify(t);
      if (t.startsWith('SA authentication status')) {
        return { type: 'auth', authenticated: !/not authenticated|failed/.test(t) && /authenticated/.test(t.slice(25)) };
      }
      if (t.startsWith('SA has been authenticated with ')) {
        return { type: 'sa', action: 'authenticated', reason: null, peer: tail(t, 'SA has been authenticated with ', book) };
      }
      if (t.startsWith('SA request profile')) return { type: 'sa', action: 'request', reason: null, peer: null };
      if (t.startsWith('SA is doing')) return info(t);
      if (t.startsWith('Scanning profiles')) return info(t);
      if (t.startsWith('Send initial contact')) return info(t);
      if (t.startsWith('Started lifetime timer')) return lifetime('timer', t.slice(23));
      if (t.startsWith('SKEYID state generated')) return info(t);
      if (t.startsWith('Successfully installed IPSEC SA')) {
        const m = /^Successfully installed IPSEC SA \(SPI:(0x[\da-f]+)\) on (\S+)$/i.exec(t);
        return m ? { type: 'ipsec-installed', spi: (m[1] ?? '').toUpperCase().replace('0X', '0x'), iface: m[2] ?? '' } : null;
      }
      if (t.startsWith('Support for IKE Fragmentation')) return info(t);
      break;
    case 101: // e
      if (t.startsWith('encryption ') || t.startsWith('encaps is ')) return t.charCodeAt(4) === 121 ? p1Attribute(t) : p2Attribute(t);
      break;
  }
  return secondary(t, book);
}

/** Less frequent shapes, and attribute lines that share first letters. */
function secondary(t0: string, book: AddressBook): IkeEventBody | null {
  const t = t0.charCodeAt(0) === 46 ? t0.slice(1).trim() : t0;
  const c = t.charCodeAt(0);
  // attribute lines start with one of: encryption hash auth keylength default group life / encaps SA authenticator key
  if (c === 101 || c === 104 || c === 97 || c === 107 || c === 100 || c === 103 || c === 108 || c === 83) {
    const attribute = p1Attribute(t) ?? p2Attribute(t);
    if (attribute) return attribute;
    if (t.indexOf('life duration') >= 0) return lifeDuration(t);
  }
  // 12.2 and before print `atts not acceptable` without `are`
  if (t.startsWith('atts are') || t.startsWith('attrs are') || t.startsWith('atts not acceptable')) {
    const acceptable = t.indexOf('not acceptable') < 0;
    const next = t.indexOf('Next payload');
    if (next < 0) return { type: 'p2-atts', acceptable };
    const n = NEXT_PAYLOAD.exec(t.slice(next));
    return { type: 'p1-atts', acceptable, next: n ? Number(n[1]) : null };
  }
  if (t.startsWith('Checking ISAKMP transfor')) {
    const m = CHECK_P1.exec(t);
    return m ? { type: 'p1-check', transform: Number(m[1]), priority: Number(m[2]) } : null;
  }
  if (t.startsWith('Checking IPSec proposal ')) return { type: 'p2-proposal', proposal: Number(t.slice(24)) || 0 };
  if (t.startsWith('transform ')) {
    // An IOS transform name (ESP_AES, ESP_3DES, AH_SHA, IPPCP_LZS); any other word is not a transform.
    const m = /^transform (\d+), ((?:ESP|AH|IPPCP)_[A-Z\d_]{1,24})$/.exec(t);
    return m ? { type: 'p2-transform', transform: Number(m[1]), name: m[2] ?? '' } : null;
  }
  if (t.startsWith('attributes in transform')) return info(t);
  if (t.startsWith('found peer pre-shared key') || t.startsWith('found peer peer-shared key') || t.startsWith('found peer-shared key')) {
    const at = t.lastIndexOf(' match');
    const rest = t.slice(at + 1);
    const space = rest.indexOf(' ');
    const peer = space < 0 ? '' : rest.slice(space + 1);
    if (peer.length === 0 || peer.indexOf(' ') >= 0) return null;
    return { type: 'psk', found: true, peer: book.address(peer) };
  }
  if (t.startsWith('local preshared key found')) return { type: 'psk', found: true, peer: null };
  if (t.startsWith('Found ADDRESS key in keyring')) return { type: 'psk', found: true, peer: null };
  if (t.startsWith('Setting UDP ENC peer struct')) return { type: 'nat', detected: true, text: 'NAT-T: IKE moves to UDP 4500 and ESP is encapsulated in UDP' };
  if (t.startsWith('Enqueued KEY_MGR_DELETE_SAS')) return info(t);
  if (t.startsWith('Looking for a matching key')) return info(t);
  if (t.startsWith('vendor ID is ')) return { type: 'vendor', vendor: t.slice(13), dir: 'in', mismatch: false };
  if (t.startsWith('vendor ID seems ')) return { type: 'vendor', vendor: t.slice(16), dir: 'in', mismatch: true };
  if (t.startsWith('constructed ')) {
    const m = /^constructed (.+?) ID$/.exec(t);
    return { type: 'vendor', vendor: m?.[1] ?? t.slice(12), dir: 'out', mismatch: false };
  }
  if (t.startsWith('His hash no match') || t.startsWith('My hash no match')) return { type: 'nat', detected: true, text: t };
  if (t.startsWith('deleting node')) return node(t);
  if (t.startsWith('deleting SA reason')) {
    const m = /^deleting SA reason "([^"]*)"/.exec(t);
    const peer = /\(peer (\S+)\)/.exec(t);
    return { type: 'sa', action: 'deleted', reason: m?.[1] ?? null, peer: peer?.[1] ? book.address(peer[1]) : null };
  }
  if (t.startsWith('beginning Main Mode')) return { type: 'begin', mode: 'main', node: null };
  if (t.startsWith('beginning Aggressive Mode')) return { type: 'begin', mode: 'aggressive', node: null };
  if (t.startsWith('beginning Quick Mode exchange')) {
    const m = /M-ID of (-?\d+)/.exec(t);
    return { type: 'begin', mode: 'quick', node: m?.[1] ? toUnsigned32(m[1]) : null };
  }
  if (t.startsWith('Can not start Aggressive mode')) return { type: 'begin', mode: 'main', node: null };
  if (t.startsWith('Created a peer struct for ')) {
    const m = /^Created a peer struct for (\S+), peer port \d+$/.exec(t);
    const peer = m ? book.address(m[1] ?? '') : null;
    return peer === null ? null : { type: 'peer', action: 'created', peer, local: null };
  }
  if (t.startsWith('New peer created')) return info(t);
  if (t.startsWith('Locking peer struct')) return { type: 'peer', action: 'locked', peer: null, local: null };
  if (t.startsWith('Unlocking peer struct')) return { type: 'peer', action: 'unlocked', peer: null, local: null };
  if (t.startsWith('Deleting peer node by peer_reap for ')) {
    const m = /^Deleting peer node by peer_reap for (\S+?):? /.exec(t);
    return { type: 'peer', action: 'deleted', peer: m?.[1] ? book.address(m[1]) : null, local: null };
  }
  // NAT-T on a responder: the initiator's packets now come from another port, and the peer entry is looked up by it
  if (t.startsWith('Detected port floating to port')) return { type: 'nat', detected: true, text: 'NAT-T: the peer now sends from another port (a NAT rewrote its source port)' };
  if (t.startsWith('Trying to insert a peer ') || t.startsWith('Trying to find existing peer ')) {
    const m = /^Trying to (?:insert a|find existing) peer ([^/\s]+)\/([^/\s]+)\//.exec(t);
    return m ? endpoints(m[1], m[2], book) : null;
  }
  if (t.startsWith('and inserted successfully')) return { type: 'peer', action: 'inserted', peer: null, local: null };
  if (t.startsWith('local port ')) return info(t);
  if (t.startsWith('insert sa successfully')) return { type: 'sa', action: 'inserted', reason: null, peer: null };
  if (t.startsWith('Find a dup sa')) return { type: 'sa', action: 'duplicate', reason: null, peer: null };
  if (t.startsWith('ID payload')) return { type: 'id', idType: null, address: null, protocol: null, port: null, length: null };
  if (t.startsWith('Total payload length')) return info(t);
  if (t.startsWith('Acceptable atts:actual life: ')) return lifetime('actual', t.slice(29));
  if (t.startsWith('Acceptable atts:life: ')) return lifetime('offered', t.slice(22));
  if (t.startsWith('Fill atts in sa life_in_seconds:')) return lifetime('fill', t.slice(32));
  if (t.startsWith('Fill atts in sa')) return info(t);
  if (t.startsWith('Returning Actual lifetime: ')) return lifetime('returned', t.slice(27));
  if (t.startsWith('Basic life_in_seconds:')) return lifetime('basic', t.slice(22));
  if (t.startsWith('Process initial contact')) {
    const m = /local (\S+) remote (\S+)/.exec(t);
    return (m && endpoints(m[1], m[2], book)) ?? info(t);
  }
  if (t.startsWith('QM Responder gets spi') || t.startsWith('QM Initiator gets spi')) return info(t);
  // around a Quick Mode's start: IPsec's request waits for phase 1 (it names both ends), then phase 1 is up and idle
  if (t.startsWith('SA has outstanding requests')) {
    const m = /\(local (\S+) port \d+, remote (\S+) port \d+\)/.exec(t);
    return (m && endpoints(m[1], m[2], book)) ?? info(t);
  }
  // around a refused or deleted Quick Mode: the SPI it had offered is let go
  if (t.startsWith('deleting spi ')) {
    const m = /^deleting spi (\d+) message ID = (-?\d+)/.exec(t);
    return m ? info(t, `The SPI ${m[1]} this router offered in Quick Mode ${toUnsigned32(m[2] ?? '') ?? m[2]} is let go.`) : info(t);
  }
  // 12.0: a proposal refused, in either phase (the line before says which proposal)
  if (t === 'SA not acceptable!') return info(t, 'The proposal was not acceptable.');
  if (t.startsWith('sitting IDLE')) return info(t, 'Phase 1 is up and idle (QM_IDLE): the Quick Mode starts now.');
  // rsa-sig: the certificates and the signature in MM5/MM6
  if (t.startsWith('processing a CT_X509') || t.startsWith("peer's pubkey") || t.startsWith('Unable to get router cert') || t.startsWith('My ID configured as') || t.startsWith('OU = ') || t.startsWith('Choosing trustpoint') || t.startsWith('Profile ')) return info(t);
  if (t.startsWith('IPSec policy invalidated proposal')) {
    const m = /with error (\d+)/.exec(t);
    return { type: 'p2-rejected', local: null, peer: null, error: m ? Number(m[1]) : null, text: t };
  }
  if (t.startsWith('no offers accepted')) return { type: 'p1-rejected', local: null, peer: null, text: t };
  if (t.startsWith('No cert, and no keys (public or pre-shared) with remote peer ')) {
    return { type: 'psk', found: false, peer: tail(t, 'No cert, and no keys (public or pre-shared) with remote peer ', book) };
  }
  // the responder's shorter lifetime (a RESPONDER_LIFETIME notify) taken on: the ISAKMP SA's timer restarts with it
  if (t.startsWith('processing responder lifetime') || t.startsWith('start processing isakmp responder lifetime')) return info(t, 'The responder lifetime notify is applied.');
  if (t.startsWith('restart ike sa timer to ')) return lifetime('timer', t.slice(24).replace(/ secs?\.?$/, ''));
  const modeConfig = modeConfigLine(t);
  if (modeConfig !== null) return info(t, modeConfig);
  for (const [prefix, attr] of P1_MISMATCH) {
    if (t.startsWith(prefix)) return { type: 'p1-mismatch', attr, text: t };
  }
  if (t.indexOf('does not match policy') >= 0) return { type: 'p1-mismatch', attr: 'other', text: t };
  if (t.startsWith('incrementing error counter')) {
    const m = ATTEMPT.exec(t);
    return { type: 'retransmit', phase: t.indexOf('phase 2') >= 0 ? 2 : 1, state: null, attempt: num(m?.[1]), of: num(m?.[2]) };
  }
  if (t.startsWith('Received IPSec Install callback')) return info(t);
  if (t.startsWith('seq. no')) return info(t, 'Sequence number of this DPD (R-U-THERE) message.');
  if (t.startsWith('DPD/R_U_THERE')) return info(t, t.startsWith('DPD/R_U_THERE_ACK') ? 'DPD answer received: the peer is alive.' : 'The peer asks whether this side is alive (DPD R-U-THERE).');
  if (t.startsWith('Creating IPSec SAs')) return info(t);
  if (t.startsWith('Failed to find peer index node')) return { type: 'error', code: 'peer-index', peer: null, text: t };
  if (t.startsWith('construct_initial_message') || t.indexOf('Can not start Main mode') >= 0) {
    return { type: 'error', code: 'mm-not-started', peer: null, text: t };
  }
  if (t.startsWith('Error while processing SA request')) return { type: 'error', code: 'sa-init-failed', peer: null, text: t };
  if (t.startsWith('Error while processing KMI message')) return { type: 'error', code: 'kmi', peer: null, text: t };
  if (t.indexOf('CSDL compliant') >= 0) return { type: 'error', code: 'csdl', peer: null, text: t };
  if (t.startsWith('ignoring request to send delete notify')) {
    const m = /dst (\S+)/.exec(t);
    // the delete notify would go from this router (src) to the peer (dst)
    const src = /\bsrc (\S+)/.exec(t);
    return { type: 'error', code: 'delete-notify-ignored', peer: m?.[1] ? book.address(m[1]) : null, text: t, local: src?.[1] ? book.address(src[1]) : null };
  }
  if (t.startsWith('Unable to') || t.startsWith('unable to')) return { type: 'error', code: 'other', peer: null, text: t };
  if (t.startsWith('retransmit') || t.startsWith('reset_retransmission')) {
    return { type: 'retransmit', phase: t.indexOf('phase 2') >= 0 ? 2 : 1, state: null, attempt: null, of: null };
  }
  return null;
}

/** Mode-config attributes a client asks for or a server sends (RFC draft and Cisco Unity names). */
const MODE_CONFIG_ATTRIBUTE = /^(?:IP4_|IP6_|INTERNAL_IP4_|INTERNAL_IP6_|XAUTH_|SPLIT_|DEFAULT_DOMAIN|MODECFG_|APPLICATION_VERSION|BACKUP_SERVER|SAVE_PASSWORD|PFS|FW_RECORD|CONFIG_|SMARTCARD_|DNS_|BANNER|AUTOCONNECT|CLIENT_|Unknown Attr)/;

/**
 * The plain words of an XAUTH or mode-config line (Easy VPN, remote access), or null: what IOS prints while it
 * asks for the user's credentials and hands out an address after phase 1. None changes the negotiation model.
 */
function modeConfigLine(t: string): string | null {
  if (t.charCodeAt(0) === 47 /* / */) {
    // `ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2`, `ISAKMP/author: Author request for group ...`
    if (t.startsWith('/xauth')) return `XAUTH (extended authentication of the user): ${t.slice(t.indexOf(':') + 1).trim()}`;
    if (t.startsWith('/author') || t.startsWith('/aaa')) return `AAA authorization of the group or user: ${t.slice(t.indexOf(':') + 1).trim()}`;
    return null;
  }
  if (t.startsWith('Need XAUTH')) return 'XAUTH is required: the user is asked for credentials after phase 1.';
  if (t.startsWith('initiating peer config to')) {
    const id = /ID = (-?\d+)/.exec(t)?.[1];
    return `Starts a transaction exchange (XAUTH or mode config) with the peer${id === undefined ? '' : `, message ID ${id}`}.`;
  }
  if (t.startsWith('Need config/address')) return 'Mode-config: the client needs its address and settings.';
  if (t.startsWith('Talking to a Unity Client')) return 'The peer is a Cisco VPN (Unity) client.';
  if (t.startsWith('Config payload')) return `Mode-config payload: ${t.slice(15).trim()}`;
  if (t.startsWith('checking request') || t.startsWith('Sending private address') || t.startsWith('Sending IP4_') || t.startsWith('Sending subnet mask')) return t;
  if (t.startsWith('sending xauth') || t.startsWith('Xauth process')) return t;
  if (MODE_CONFIG_ATTRIBUTE.test(t)) return `Mode-config attribute ${t}`;
  return null;
}

/**
 * `received payload type N`: a payload IOS names by its number. NAT discovery's are 20 and 21 (RFC 3947) or 130
 * and 131 (the drafts); any other is a payload of the message at hand told by its number.
 */
function payloadType(n: string): IkeEventBody | null {
  if (n === '20' || n === '130') return { type: 'payload', payload: 'NAT-D', messageId: null, detail: null };
  if (n === '21' || n === '131') return { type: 'payload', payload: 'NAT-OA', messageId: null, detail: null };
  return /^\d{1,3}$/.test(n) ? info(`received payload type ${n}`, `The message carries a payload of type ${n}.`) : null;
}

function input(t: string): IkeEventBody | null {
  const m = INPUT.exec(t);
  if (!m) return null;
  return { type: 'fsm-input', node: m[1] ? toUnsigned32(m[1]) : null, source: m[2] ?? '', event: m[3] ?? '' };
}

function node(t: string): IkeEventBody | null {
  const m = NODE.exec(t);
  if (!m) return null;
  const id = toUnsigned32(m[2] ?? '');
  if (id === null) return null;
  const action = m[1] === 'set new' ? 'new' : m[1] === 'deleting' ? 'deleted' : 'purged';
  return { type: 'node', action, node: id, error: m[4] ? m[4] === 'TRUE' : null, reason: m[5] ?? null, state: m[3] ?? null };
}

function notify(t: string): IkeEventBody | null {
  const m = NOTIFY.exec(t);
  if (!m) return null;
  return {
    type: 'notify',
    dir: m[1] === 'processing' ? 'in' : 'out',
    notify: m[2] ?? '',
    protocol: num(m[3]),
    spi: m[4] ?? null,
    messageId: m[5] ? toUnsigned32(m[5]) : null,
  };
}

function processing(t: string, book: AddressBook): IkeEventBody | null {
  if (t.startsWith('processing NOTIFY')) return notify(t);
  if (t.startsWith('processing transaction payload')) {
    // `processing transaction payload from 10.1.1.2. message ID = 1385549349`: an XAUTH or mode-config message
    const id = /message ID = (-?\d+)/.exec(t);
    return { type: 'payload', payload: 'ATTR', messageId: id?.[1] ? toUnsigned32(id[1]) : null, detail: null };
  }
  if (t.startsWith('processing NAT-OA')) {
    const addr = /addr = ([^,\s]+)/.exec(t);
    const id = /message ID = (-?\d+)/.exec(t);
    return { type: 'payload', payload: 'NAT-OA', messageId: id?.[1] ? toUnsigned32(id[1]) : null, detail: addr?.[1] ? book.address(addr[1]) : null };
  }
  const m = PROCESSING.exec(t);
  if (!m) return null;
  const payload = PAYLOAD_NAMES[m[1] ?? ''];
  if (!payload) return null;
  return { type: 'payload', payload, messageId: m[2] ? toUnsigned32(m[2]) : null, detail: null };
}
