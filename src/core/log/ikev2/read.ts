/**
 * readIkev2Message: the meaning of one IKEv2 message (its text after the prefix, and the lines that belong to
 * it: a packet block's SPI, exchange and payload lines, a proposal's transforms), or null when it is not
 * understood. Structured messages are read here; the rest by their beginning (`phrases.ts`).
 */
import { isIkev2Exchange, type Ikev2Exchange } from '../../ike/ikev2.ts';
import type { Ikev2ErrorCode, Ikev2Line, SpiPair, TrafficSelectors } from './line.ts';
import { phraseLine } from './phrases.ts';

/** `[To FC00:123::1:500/From FC00:123::2:500/VRF i0:f0]`: the port is the digits after the last colon. */
const PACKET = /^(Sending|Received) Packet \[(To|From) (\S+?):(\d{1,5})\/(?:To|From) (\S+?):(\d{1,5})(?:\/|\])/;
const SPI_LINE = /Initiator SPI : ([\dA-Fa-f]{16}) - Responder SPI : ([\dA-Fa-f]{16}) Message id: (\d{1,10})/;
const EXCHANGE_LINE = /IKEv2 (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) Exchange (REQUEST|RESPONSE)/;
const DECODE = /Exchange type: ([A-Z_]{4,20}), flags: ([A-Z -]{0,40}?) ?(?:\(\d{1,6}\): )?Message id: (\d{1,10})/;
const SUMMARY = /^(SENT|RECV) PKT \[([A-Z_]{4,20})\] \[([^\]\s]{1,80})\]:(\d{1,5})->\[([^\]\s]{1,80})\]:(\d{1,5}) InitSPI=0x([\da-fA-F]{16}) RespSPI=0x([\da-fA-F]{16}) MID=([\da-fA-F]{1,8})/;
const SM = /^SM Trace-> SA: I_SPI=([\dA-Fa-f]{16}) R_SPI=([\dA-Fa-f]{16}) \((I|R)\) MsgID = ([\dA-Fa-f]{1,8}) CurState: ([A-Z_\d]{2,40}) Event: ([A-Z_\d]{2,60})/;
const PROPOSAL = /^(IKE|ESP|AH) Proposal: (\d{1,4}),/;
/** An ASA's numbered authentication method lines: this router's, the peer's, and what it accepts from the peer. */
const AUTH_METHOD_CODE = /^(my auth method set to:|my_auth_method =|peer auth method set to:|supported_peers_auth_method =) ?(\d{1,3})$/;
const DELETE = /^(Sending|Processing) DELETE INFO message for (IKEv2|IPsec) SA \[(?:ISPI: 0x([\dA-Fa-f]{16}) RSPI: 0x([\dA-Fa-f]{16})|SPI: 0x([\dA-Fa-f]{1,8}))\]/;
const UP = /^Session with IKE ID PAIR ?\((.{1,300}?) ?, ?(.{1,300}?)\) is UP/;
const PSK_USE = /^Use preshared key for id (\S{1,253}), key len (\d{1,4})/;
const IDENTITY = /^(?:Constructing ID[ir] payload|Searching policy based on peer's identity):? '([^']{0,253})' of type '([^']{1,40})'/;
const PFKEY = /^Received PFKEY ([A-Za-z ]{2,30}?) (?:SA )?for SPI 0x([\dA-Fa-f]{1,8}),? error (TRUE|FALSE)/;
const PAYLOAD_TOKEN = /^[A-Za-z]{1,8}(?:\([A-Z\d_]{1,60}\))?$/;
/**
 * An ASA payload decode: ` NOTIFY(NO_PROPOSAL_CHOSEN)(16):   Next payload: NONE, …`, also after the message it
 * is glued to (`Parse Vendor Specific Payload: (CUSTOM) VID  Next payload: IDi, …`).
 */
const DECODED_PAYLOAD = /(?:^|[ )])([A-Za-z]{1,8}(?:\([A-Z\d_]{1,60}\))?)(?:\(\d{1,6}\):)? {1,4}Next payload:/;

/** The payload a line decodes, if any: the unanchored pattern only runs on a line that holds its words. */
function decodedPayload(line: string): string | null {
  if (line.indexOf('Next payload:') < 0) return null;
  return DECODED_PAYLOAD.exec(line)?.[1] ?? null;
}

/** The decode of the encrypted payload: its `Next payload` is the first payload inside it (RFC 7296 3.14). */
const ENCR_DECODE = /ENCR(?:\(\d{1,6}\):)? {1,4}Next payload: ([A-Za-z_]{1,20})/;

const hex = (s: string): string => s.toUpperCase();

function spiPair(i: string, r: string): SpiPair {
  return { initiator: hex(i), responder: hex(r) };
}

/** A message ID printed by SM Trace or MID=: eight digits are the ASA's hex, fewer IOS's decimal. */
function printedMessageId(s: string): number {
  return s.length === 8 ? Number.parseInt(s, 16) : Number.parseInt(s, 10);
}

function exchangeOf(s: string): Ikev2Exchange | null {
  return isIkev2Exchange(s) ? s : null;
}

/**
 * The payload names of the lines after `Payload contents:`: the ASA decodes each payload on a line of its own
 * (between hex dumps), IOS prints one list line.
 */
function payloadList(lines: readonly string[], from: number): string[] {
  const decoded: string[] = [];
  for (let i = from; i < lines.length; i += 1) {
    const m = decodedPayload(lines[i] ?? '');
    if (m !== null) decoded.push(m);
  }
  if (decoded.length > 0) return decoded;
  const out: string[] = [];
  // IOS: the one list line (a line holding one space is an empty list)
  const line = lines[from] ?? '';
  if (line.indexOf(':') >= 0) return out;
  for (const token of line.trim().split(/ +/)) if (token.length > 0 && PAYLOAD_TOKEN.test(token)) out.push(token);
  return out;
}

/** The payloads an ASA decode names among lines that are not a packet block (a decrypted message's payloads). */
export function decodedPayloads(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = decodedPayload(line);
    if (m !== null) out.push(m);
  }
  return out;
}

const TS_TYPE = /TS type: \S{1,40}, proto id: (\d{1,3})/;
const TS_PORTS = /start port: (\d{1,5}), end port: (\d{1,5})/;
const TS_ADDRS = /start addr: (\S{1,60}), end addr: (\S{1,60})/;

/** The decoded TSi and TSr payloads among a message's lines, or null when none is decoded. */
export function trafficSelectors(lines: readonly string[], from: number): TrafficSelectors | null {
  const out: TrafficSelectors = { initiator: [], responder: [] };
  let cur: string[] | null = null;
  let proto = '0';
  let ports = '';
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const decoded = decodedPayload(line);
    if (decoded !== null) {
      cur = decoded === 'TSi' ? out.initiator : decoded === 'TSr' ? out.responder : null;
      continue;
    }
    if (cur === null) continue;
    const type = TS_TYPE.exec(line);
    if (type !== null) proto = type[1] ?? '0';
    const p = TS_PORTS.exec(line);
    if (p !== null) ports = p[1] === '0' && p[2] === '65535' ? '' : p[1] === p[2] ? `:${p[1]}` : `:${p[1]}-${p[2]}`;
    const a = TS_ADDRS.exec(line);
    if (a !== null) {
      const range = a[1] === a[2] ? (a[1] ?? '') : `${a[1]}-${a[2]}`;
      cur.push(`${range}${ports}${proto === '0' ? '' : ` proto ${proto}`}`);
    }
  }
  return out.initiator.length + out.responder.length > 0 ? out : null;
}

function contentsAt(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i += 1) if ((lines[i] ?? '').trimStart().startsWith('Payload contents')) return i + 1;
  return -1;
}

function packet(m: RegExpExecArray, lines: readonly string[]): Ikev2Line {
  const out = m[1] === 'Sending';
  let spis: SpiPair | null = null;
  let messageId: number | null = null;
  let exchange: Ikev2Exchange | null = null;
  let response: boolean | null = null;
  let flags: string[] | null = null;
  let inner: string | null = null;
  for (const line of lines) {
    inner ??= ENCR_DECODE.exec(line)?.[1] ?? null;
    const s = SPI_LINE.exec(line);
    if (s !== null) {
      spis = spiPair(s[1] ?? '', s[2] ?? '');
      messageId = Number(s[3]);
    }
    const x = EXCHANGE_LINE.exec(line);
    if (x !== null && exchange === null) {
      exchange = exchangeOf(x[1] ?? '');
      response = x[2] === 'RESPONSE';
    }
    const d = DECODE.exec(line);
    if (d !== null && flags === null) flags = (d[2] ?? '').trim().split(' ').filter((f) => f.length > 0);
  }
  const at = contentsAt(lines);
  return {
    kind: 'packet',
    dir: out ? 'out' : 'in',
    peer: m[3] ?? null,
    peerPort: Number(m[4]),
    local: m[5] ?? null,
    localPort: Number(m[6]),
    spis,
    messageId,
    exchange,
    response,
    flags,
    payloads: at < 0 ? [] : payloadList(lines, at),
    listed: at >= 0,
    inner,
    selectors: at < 0 ? null : trafficSelectors(lines, at),
  };
}

const ERRORS: readonly [string, Ikev2ErrorCode][] = [
  ['Initial exchange failed', 'initial-exchange-failed'],
  ['Failed SA init exchange', 'initial-exchange-failed'],
  [': Auth exchange failed', 'auth-exchange-failed'],
  ['Auth exchange failed', 'auth-exchange-failed'],
  ['Failed to authenticate the IKE SA', 'auth-failed'],
  ['Computed authentication value for peer differs from what peer sent', 'auth-failed'],
  ['Peer authentication method configured is mismatching', 'auth-method-mismatch'],
  ['Failed to find a matching policy', 'no-matching-policy'],
  ['Failed to verify the proposed policies', 'proposals-refused'],
  // the ASA's system message 750003 quotes it (SEKOIA's parser tests); no debug capture of it yet
  ['There was no IPSEC policy found for received TS', 'selectors-unmatched'],
  ['Maximum number of retransmissions reached', 'retransmit-limit'],
  ['Failed to receive the AUTH msg before the timer expired', 'auth-timeout'],
  ['Abort exchange', 'abort'],
  [": The peer's KE payload contained the wrong DH group", 'wrong-dh-group'],
  ['NAT is found but it is not supported', 'nat-t-disabled'],
  ['SA is already in negotiation', 'in-negotiation'],
  // IOS prints it after `:`, the ASA after its tag: no profile or tunnel group for the peer's identity
  [': Failed to locate an item in the database', 'identity-not-found'],
  ['Failed to locate an item in the database', 'identity-not-found'],
  ['%Profile could not be found by peer certificate', 'profile-not-found'],
  ['% IKEv2 profile not found', 'profile-not-found'],
  ['Peer ID check failed', 'peer-id-check-failed'],
  ['Verify cert failed', 'cert-failed'],
  // the ASA, when its IOS peer asks for certificates by URL (Cisco TAC document 117337, CSCul48246)
  ['Unsupported cert encoding found or Peer requested HTTP URL but never sent HTTP_LOOKUP_SUPPORTED Notification', 'cert-encoding'],
  // an ASA that cannot start a LAN-to-LAN negotiation for want of configuration (CAIDA's initiator error notes)
  ["Can't find tunnel group for peer", 'no-tunnel-group'],
  ['unable to set self auth method', 'no-own-auth'],
  ['Failed to set P1 auth to build policy', 'policy-not-built'],
  ['Could not build ikev2 policy', 'policy-not-built'],
  ['asa connect start L2L failed', 'connect-failed'],
  ['Verify auth failed', 'auth-failed'],
  [': Platform errors', 'platform-errors'],
];

/** The notifies a router says it sends or received, in words of their own (the packet lines say them too). */
const NOTIFIES: readonly [string, string, 'out' | 'in'][] = [
  ['Sending no proposal chosen notify', 'NO_PROPOSAL_CHOSEN', 'out'],
  ['Sending authentication failure notify', 'AUTHENTICATION_FAILED', 'out'],
  ['Sending INVALID_SPI notify', 'INVALID_SPI', 'out'],
  // after an empty message (`: Received …`), or alone after the ASA's tag (CAIDA's initiator error notes)
  [': Received no proposal chosen notify', 'NO_PROPOSAL_CHOSEN', 'in'],
  ['Received no proposal chosen notify', 'NO_PROPOSAL_CHOSEN', 'in'],
];

function lookup(text: string): Ikev2Line | null {
  // lookups and their results: policy, profile, keyring, tunnel group, crypto map
  const quoted = (t: string): string | null => /'([^']{1,120})'/.exec(t)?.[1] ?? null;
  if (text.startsWith('Found Policy')) return { kind: 'lookup', what: 'policy', name: quoted(text), words: `Using IKEv2 policy ${quoted(text) ?? '?'}${quoted(text) === 'default' ? ' (the smart default)' : ''}.` };
  if (text.startsWith('Using the Default Policy for Proposal')) return { kind: 'lookup', what: 'default-policy', name: 'default', words: 'No configured IKEv2 policy matches: the default policy and proposal apply.' };
  if (text.startsWith('Searching Policy with fvrf')) {
    // `Searching Policy with fvrf 0, local address 192.168.251.5`: the policy is matched on this router's address
    const local = /local address (\S{1,64})$/.exec(text)?.[1];
    return { kind: 'lookup', what: 'policy', name: null, words: `Looking for an IKEv2 policy (${text.slice(21).trim()}).`, ...(local === undefined ? {} : { local }) };
  }
  if (text.startsWith('found matching IKEv2 profile')) return { kind: 'lookup', what: 'profile', name: quoted(text), words: `The peer's identity matches IKEv2 profile ${quoted(text) ?? '?'}.` };
  if (text.startsWith('% Getting preshared key from profile keyring')) {
    const name = text.slice(45).trim();
    return { kind: 'lookup', what: 'keyring', name, words: `Looking up the pre-shared key in keyring ${name}.` };
  }
  if (text.startsWith('% Matched peer block')) {
    const name = quoted(text) ?? text.slice(21).trim();
    return { kind: 'lookup', what: 'peer-block', name, words: `The peer matches keyring entry "peer ${name}".` };
  }
  if (text.startsWith('attempting to find tunnel group for')) return { kind: 'lookup', what: 'tunnel-group', name: null, words: 'Looking for the tunnel group of this peer.' };
  if (text.startsWith('mapped to tunnel group')) {
    const name = text.slice(23).split(' using')[0] ?? null;
    return { kind: 'lookup', what: 'tunnel-group', name, words: `Using tunnel group ${name ?? '?'}${text.includes('phase 1 ID') ? " (by the peer's identity)" : ' (by the peer address)'}.` };
  }
  if (text.startsWith('PROXY MATCH on crypto map')) {
    const name = text.slice(26).trim();
    return { kind: 'lookup', what: 'crypto-map', name, words: `The traffic selectors match crypto map ${name}.` };
  }
  const incomplete = /^Crypto map (\S{1,64}) seq (\d{1,6}) is incomplete due to missing (.{1,60})$/.exec(text);
  if (incomplete !== null) return { kind: 'crypto-map-incomplete', map: incomplete[1] ?? null, seq: Number(incomplete[2]), missing: incomplete[3] ?? '' };
  const otherPeer = /^Crypto map (\S{1,64}) seq (\d{1,6}) +peer doesn't match map entry/.exec(text);
  if (otherPeer !== null) return { kind: 'crypto-map-other-peer', map: otherPeer[1] ?? null, seq: Number(otherPeer[2]) };
  const noProxy = /^Crypto Map: No proxy match on map (\S{1,64})(?: seq (\d{1,6}))?/.exec(text);
  if (noProxy !== null) return { kind: 'no-proxy-match', map: noProxy[1] ?? null, seq: noProxy[2] === undefined ? null : Number(noProxy[2]) };
  if (text.startsWith('Selector received from peer is accepted')) return { kind: 'lookup', what: 'selectors', name: null, words: "The peer's traffic selectors are accepted." };
  return null;
}

const TRACE_PACKET = /^\((?:I|R)\) (Sending|Received) IKEv2 ([A-Z_]{4,20}) Exchange (REQUEST|RESPONSE)/;
const TRACE_CONTAINS = /^\((?:I|R)\) IKEv2 ([A-Z_]{4,20}) Exchange Contains: ([A-Z_, ]{1,200})/;

/**
 * The event trace's lines after the prefix: `(I) Sending IKEv2 IKE_SA_INIT Exchange REQUEST` (`(I)`/`(R)`: this
 * router's part in that exchange), `(R) IKEv2 INFORMATIONAL Exchange Contains: DELETE`. No SPI and no message ID
 * is printed: IKE_SA_INIT's and IKE_AUTH's are 0 and 1 by the protocol (RFC 7296 2.2), the others' are not known.
 */
function traceLine(t: string): Ikev2Line | null {
  const p = TRACE_PACKET.exec(t);
  if (p !== null) {
    const exchange = exchangeOf(p[2] ?? '');
    const messageId = exchange === 'IKE_SA_INIT' ? 0 : exchange === 'IKE_AUTH' ? 1 : null;
    return { kind: 'packet', dir: p[1] === 'Sending' ? 'out' : 'in', peer: null, peerPort: null, local: null, localPort: null, spis: null, messageId, exchange, response: p[3] === 'RESPONSE', flags: null, payloads: [], listed: false, inner: null, selectors: null };
  }
  const c = TRACE_CONTAINS.exec(t);
  if (c !== null) return { kind: 'step', words: `The ${c[1] ?? ''} message carries ${(c[2] ?? '').trim()}.` };
  return null;
}

/** A key engine message type in words: IPsec asks IKEv2 for SAs, or to delete them. */
function kmiType(type: string): string {
  if (type === 'KEY_ENG_REQUEST_SAS') return 'asks for SAs (traffic or a tunnel needs them: IKEv2 starts an IKE SA)';
  if (type === 'KEY_ENG_DELETE_SAS') return 'asks to delete SAs';
  return `sends ${type}`;
}

/**
 * The internal event trace's key engine lines (genieparser's `show monitor event-trace crypto from-boot`):
 * `IKEV2-RECV-KMI: KMI Received: KEY_ENG_REQUEST_SAS, KMI source: IPSEC key engine, KMI dest: Crypto IKEv2, local: A, remote: B`
 * and `IKEV2_EVENT_QUEUE_KMI type:KEY_ENG_REQUEST_SAS`.
 */
function kmiLine(t: string): Ikev2Line | null {
  const recv = /^IKEV2-RECV-KMI: KMI Received: ([A-Z_]{3,40}), KMI source: ([^,]{1,40}), KMI dest: ([^,]{1,40})(?:, local: (\S{1,64}), remote: (\S{1,64}))?/.exec(t);
  if (recv !== null) {
    const ends = recv[4] === undefined ? '' : ` for ${recv[4]} and its peer ${recv[5] ?? '?'}`;
    return { kind: 'step', words: `The ${recv[2] ?? ''} ${kmiType(recv[1] ?? '')}${ends}.` };
  }
  const queued = /^IKEV2_EVENT_QUEUE_KMI type:([A-Z_]{3,40})/.exec(t);
  if (queued !== null) return { kind: 'step', words: `IKEv2 queues the key engine's ${queued[1] ?? ''} for its process.` };
  return null;
}

/** The meaning of one IKEv2 message: `text` is its first line after the prefix, `lines` all its lines (text first). */
export function readIkev2Message(text: string, lines: readonly string[]): Ikev2Line | null {
  const t = text.trim();
  if (t.length === 0) return { kind: 'error', code: 'empty', text: '' };
  const c0 = t.charCodeAt(0);
  if (c0 === 40 /* ( */) {
    const trace = traceLine(t);
    if (trace !== null) return trace;
  }
  if (c0 === 83 /* S */ || c0 === 82 /* R */) {
    const p = PACKET.exec(t);
    if (p !== null) return packet(p, lines);
    const s = SUMMARY.exec(t);
    if (s !== null) {
      return {
        kind: 'packet-summary',
        dir: s[1] === 'SENT' ? 'out' : 'in',
        exchange: exchangeOf(s[2] ?? ''),
        from: s[3] ?? '',
        fromPort: Number(s[4]),
        to: s[5] ?? '',
        toPort: Number(s[6]),
        spis: spiPair(s[7] ?? '', s[8] ?? ''),
        messageId: Number.parseInt(s[9] ?? '0', 16),
      };
    }
    const sm = SM.exec(t);
    if (sm !== null) {
      return { kind: 'sm', spis: spiPair(sm[1] ?? '', sm[2] ?? ''), role: sm[3] === 'I' ? 'I' : 'R', messageId: printedMessageId(sm[4] ?? '0'), state: sm[5] ?? '', event: sm[6] ?? '' };
    }
  }
  if (t.startsWith('Next payload:')) {
    const d = DECODE.exec(lines.join(' '));
    if (d !== null) return { kind: 'decode', exchange: exchangeOf(d[1] ?? ''), flags: (d[2] ?? '').trim().split(' ').filter((f) => f.length > 0), messageId: Number(d[3]) };
    return null;
  }
  const proposal = PROPOSAL.exec(t);
  if (proposal !== null) {
    const transforms: string[] = [];
    for (const line of lines.slice(1)) {
      if (line.startsWith('Num. transforms')) continue;
      for (const part of line.split(/\(\d{1,6}\):|\s{2,}/)) if (part.trim().length > 0) transforms.push(part.trim());
    }
    return { kind: 'proposal', protocol: proposal[1] === 'ESP' ? 'ESP' : proposal[1] === 'AH' ? 'AH' : 'IKE', number: Number(proposal[2]), transforms };
  }
  if (t.startsWith('Received Policies:') || t.startsWith('Expected Policies:')) {
    return { kind: 'policies', which: t.startsWith('Received') ? 'received' : 'expected', proposals: lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0) };
  }
  if (t.startsWith('Building packet for encryption')) {
    const at = contentsAt(lines);
    return { kind: 'payloads', payloads: at < 0 ? [] : payloadList(lines, at), listed: at >= 0, selectors: at < 0 ? null : trafficSelectors(lines, at) };
  }
  if (t.startsWith('Construct Notify Payload: ') || t.startsWith('Parse Notify Payload: ')) {
    const out = t.startsWith('Construct');
    const name = /^[A-Z\d_]{2,60}/.exec(t.slice(out ? 26 : 22))?.[0];
    return name === undefined ? null : { kind: 'notify', dir: out ? 'out' : 'in', notify: name };
  }
  for (const [begins, notify, dir] of NOTIFIES) if (t.startsWith(begins)) return { kind: 'notify', dir, notify };
  if (t.startsWith('Retransmitting packet')) return { kind: 'retransmit' };
  const del = DELETE.exec(t);
  if (del !== null) {
    const ike = del[2] === 'IKEv2';
    return { kind: 'delete', dir: del[1] === 'Sending' ? 'out' : 'in', what: ike ? 'ike' : 'child', spis: ike ? spiPair(del[3] ?? '', del[4] ?? '') : null, spi: ike ? null : hex(del[5] ?? '') };
  }
  const up = UP.exec(t);
  if (up !== null) return { kind: 'up', ids: [up[1] ?? '', up[2] ?? ''] };
  if (t.startsWith('IKEV2 SA created')) {
    const life = /\((\d{1,10}) sec\)/.exec(t);
    return { kind: 'created', lifetimeSeconds: life === null ? null : Number(life[1]) };
  }
  if (t.startsWith("Verification of peer's auth")) return { kind: 'auth', passed: t.endsWith('PASSED') };
  const psk = PSK_USE.exec(t);
  if (psk !== null) return { kind: 'psk', own: true, id: psk[1] ?? '', keyLength: Number(psk[2]) };
  if (t.startsWith("Get peer's preshared key for ")) return { kind: 'psk', own: false, id: t.slice(29).trim(), keyLength: null };
  const method = /^(My|Peer's) authentication method is '([^']{1,40})'/.exec(t);
  if (method !== null) return { kind: 'auth-method', own: method[1] === 'My', method: method[2] ?? '' };
  // the trustpoint the ASA will use: none named for a pre-shared key
  if (t.startsWith('tp_name set to:')) {
    const name = t.slice(15).trim();
    return { kind: 'step', words: name === '' ? 'No trustpoint named (none is needed for a pre-shared key).' : `Trustpoint ${name} (for certificate authentication).` };
  }
  const code = AUTH_METHOD_CODE.exec(t);
  if (code !== null) return { kind: 'auth-method-code', whose: code[1] === 'peer auth method set to:' ? 'peer' : code[1] === 'supported_peers_auth_method =' ? 'accepted' : 'own', code: Number(code[2]) };
  const id = IDENTITY.exec(t);
  if (id !== null) return { kind: 'identity', own: t.startsWith('Constructing'), id: id[1] ?? '', idType: id[2] ?? '' };
  const pf = PFKEY.exec(t);
  if (pf !== null) return { kind: 'pfkey', action: pf[1] ?? '', spi: pf[2] === '0' ? null : `0x${hex(pf[2] ?? '')}`, error: pf[3] === 'TRUE' };
  const weaker = /^Selected IKEv2 encryption algorithm \(([^)]{1,40})\) is not strong enough to secure proposed IPsec encryption algorithm \(([^)]{1,40})\)/.exec(t);
  if (weaker !== null) return { kind: 'weaker-ike', ike: weaker[1] ?? '', ipsec: weaker[2] ?? '' };
  const request = /^Request has mess_id (\d{1,10}); expected (\d{1,10}) through (\d{1,10})/.exec(t);
  if (request !== null) return { kind: 'window', words: t, messageId: Number(request[1]), from: Number(request[2]), to: Number(request[3]) };
  if (t.startsWith('Sent response with message id')) return { kind: 'window', words: t, messageId: null, from: null, to: null };
  for (const [begins, code] of ERRORS) if (t.startsWith(begins)) return { kind: 'error', code, text: t };
  if (c0 === 73 /* I */ && t.startsWith('IKEV2')) return kmiLine(t);
  return lookup(t) ?? phraseLine(t);
}
