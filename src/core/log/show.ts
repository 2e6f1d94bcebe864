/**
 * Output of `show crypto isakmp sa`, `show crypto isakmp peers`, `show crypto session` and `show crypto ipsec
 * sa`: one event per line that carries something the negotiation model uses (peers, states, SPIs, status,
 * counters), `info` for the rest. `show crypto ikev2 sa` and `session` are read by show-ikev2.ts.
 */
import { parseSpiHex, printedCount, spiHex } from '../ike/numbers.ts';
import { repairSpacedIpv6, type AddressBook } from './addresses.ts';
import type { IkeEventBody } from './events.ts';
import { eventTraceLine, startsEventTrace } from './event-trace.ts';
import { ikev2ShowLine } from './show-ikev2.ts';
import { isakmpDetailLine } from './show-isakmp-detail.ts';
import { asaIkeSaLine, startsAsaIkeSa } from './show-asa-ike-sa.ts';
import { cryptoMapLine, startsCryptoMap, type CryptoMapList } from './show-crypto-map.ts';
import { settingsLine, startsSettings } from './show-crypto-settings.ts';
import { SESSION_DETAIL_LINES, startsSessionBlock } from './show-session-words.ts';

// the status as printed, `ACTIVE (deleted)` when IOS is removing the SA
const ISAKMP_ROW = /^(\S+) +(\S+) +([A-Z][A-Z_]+) +(\d+)(?: +\d+)?(?: +([A-Z]+(?: ?\(deleted\))?))?/;
// the ASA puts a space before the decimal: `spi: 0x32F752FF (855069439)`
const SPI = /^(0x[\da-f]{1,8}) ?\(\d+\)/i;
const BARE_SPI = /^[\da-f]{1,8}$/i;
const ANTI_REPLAY_BITMAP = /^0x[\da-f]{8}(?: 0x[\da-f]{8}){0,63}$/i;

/** Which show command's output is being read, and which SA list inside `show crypto ipsec sa`. */
export interface ShowState {
  /**
   * `dmvpn`: `show dmvpn detail`, whose Crypto Session Details are `show crypto session detail`'s lines; `trace`:
   * `show monitor event-trace crypto …`, its headings and status lines (its entries are stamped lines).
   */
  command: 'isakmp' | 'ipsec' | 'session' | 'dmvpn' | 'ikev2' | 'trace' | 'map' | 'settings' | 'other';
  section: 'inbound' | 'outbound' | 'other' | null;
  /** `show crypto map`: the list its lines belong to (transform sets, interfaces). */
  list?: CryptoMapList;
  /** `show crypto ikev2 session`: the lines after `Child sa:` are a child SA's. */
  child?: boolean;
  /** The line before was not this output's: one more such line ends it. */
  missed?: boolean;
  /** `show crypto session`: the session being read is an IKEv2 one (its `IKEv2 SA:` line was read). */
  ikev2?: boolean;
}

export function showCommand(command: string): ShowState['command'] | null {
  const c = command.trim().toLowerCase();
  let i = 0;
  if (c.startsWith('do ')) i = 3;
  if (!c.startsWith('sh', i)) return null;
  const words = c.slice(i).split(/\s+/);
  if (words.length >= 2 && 'show'.startsWith(words[0] ?? 'x') && words[1] === 'dmvpn') return 'dmvpn';
  if (words.length >= 3 && 'show'.startsWith(words[0] ?? 'x') && (words[1] ?? '').length >= 3 && 'monitor'.startsWith(words[1] ?? 'x') && words[2] === 'event-trace') return 'trace';
  if (words.length < 3 || !'show'.startsWith(words[0] ?? 'x') || !'crypto'.startsWith(words[1] ?? 'x') || (words[1] ?? '').length < 2) {
    return words[0] !== undefined && 'show'.startsWith(words[0]) ? 'other' : null;
  }
  const what = words[2] ?? '';
  const then = words[3] ?? '';
  // what the router is configured with: `show crypto isakmp policy`, `… ipsec transform-set`, `… engine connections`
  if ((what.length >= 3 && 'isakmp'.startsWith(what) && then.length >= 3 && 'policy'.startsWith(then)) || (what.length >= 3 && 'ipsec'.startsWith(what) && then.startsWith('tr')) || (what.length >= 3 && 'engine'.startsWith(what) && then.startsWith('con'))) return 'settings';
  // `show crypto ipsec profile` prints the fields of a crypto map entry
  if (what.length >= 3 && 'ipsec'.startsWith(what) && then.startsWith('pro')) return 'map';
  if (what.length >= 3 && 'isakmp'.startsWith(what)) return 'isakmp';
  if (what.length >= 3 && 'ipsec'.startsWith(what)) return 'ipsec';
  if (what.length >= 4 && 'session'.startsWith(what)) return 'session';
  if (what === 'map' || what === 'ma') return 'map';
  // `show crypto ikev2 sa [detailed]`, `show crypto ikev2 session [detailed]`, `show crypto ikev2 stats`
  if (what === 'ikev2' && words[3] !== undefined && (words[3].startsWith('sa') || words[3].startsWith('ses') || words[3].startsWith('st'))) return 'ikev2';
  return 'other';
}


/** The event of one show-output line (body as lexed, indentation removed), or null when not understood. */
export function showEvent(body: string, state: ShowState, book: AddressBook): IkeEventBody | null {
  const t = repairSpacedIpv6(body.trim());
  if (t.length === 0) return null;
  if (state.command === 'session' || state.command === 'dmvpn') return sessionEvent(t, book, state);
  if (state.command === 'trace') return eventTraceLine(t);
  if (state.command === 'map') return cryptoMapLine(t, state);
  if (state.command === 'settings') return settingsLine(t);
  if (state.command === 'ikev2') {
    state.child ??= false;
    // its rows put two addresses side by side: nothing to repair, and the repair would join them
    const read = ikev2ShowLine(body.trim(), state as { child: boolean });
    return read === null ? null : 'type' in read ? read : { type: 'show-ikev2', line: read };
  }
  if (state.command === 'isakmp') {
    if (t.endsWith('Crypto ISAKMP SA')) return { type: 'info', text: t };
    const peer = ISAKMP_PEER.exec(t);
    if (peer) {
      const address = book.address(peer[1] ?? '');
      if (address !== null) return { type: 'show-isakmp-peer', peer: address, local: peer[2] !== undefined ? book.address(peer[2]) : null };
    }
    if (t.startsWith('Phase1 id:') || t.startsWith('Peer Identity') || t.startsWith('fvrf:')) return { type: 'info', text: t };
    if (t.startsWith('dst ')) return { type: 'info', text: t };
    const asa = asaIkeSaLine(t, book);
    if (asa !== null) return asa;
    const detail = isakmpDetailLine(t, book);
    if (detail !== null) return detail;
    if (PLACEHOLDER_ROW.test(t)) return { type: 'info', text: `ISAKMP SA row with placeholder addresses: ${t}` };
    const m = ISAKMP_ROW.exec(t);
    const dst = m ? book.address(m[1] ?? '') : null;
    const src = m ? book.address(m[2] ?? '') : null;
    if (m && dst !== null && src !== null) {
      return {
        type: 'show-isakmp-sa',
        dst,
        src,
        state: m[3] ?? '',
        connId: printedCount(m[4]),
        status: m[5] ?? null,
      };
    }
    return null;
  }
  if (t.startsWith('current_peer') || t.startsWith('current-peer')) {
    const peer = currentPeer(t.slice(12), book, t);
    if (peer !== null) return peer;
  }
  if (t.startsWith('#pkts encaps:')) return { type: 'show-ipsec-counters', encaps: printedCount(/^#pkts encaps: (\d+)/.exec(t)?.[1]), decaps: null };
  if (t.startsWith('#pkts decaps:')) return { type: 'show-ipsec-counters', encaps: null, decaps: printedCount(/^#pkts decaps: (\d+)/.exec(t)?.[1]) };
  if (t.startsWith('inbound esp sas') || t.startsWith('inbound ah sas') || t.startsWith('inbound pcp sas')) {
    state.section = t.startsWith('inbound esp') ? 'inbound' : 'other';
    return { type: 'info', text: t };
  }
  if (t.startsWith('outbound esp sas') || t.startsWith('outbound ah sas') || t.startsWith('outbound pcp sas')) {
    state.section = t.startsWith('outbound esp') ? 'outbound' : 'other';
    return { type: 'info', text: t };
  }
  if (t.startsWith('spi: ')) {
    const m = SPI.exec(t.slice(5));
    const value = m ? parseSpiHex(m[1] ?? '') : null;
    if (value === null || (state.section !== 'inbound' && state.section !== 'outbound')) return null;
    return { type: 'show-ipsec-spi', direction: state.section, spi: spiHex(value) };
  }
  if (t.startsWith('current outbound spi: ')) {
    // 12.x prints the SPI bare (`56ABE0AE`), later releases as `0x56ABE0AE(1454104750)`
    const printed = t.slice(22).trim();
    const m = SPI.exec(printed);
    const value = m ? parseSpiHex(m[1] ?? '') : BARE_SPI.test(printed) ? parseSpiHex(`0x${printed}`) : null;
    return value === null ? null : { type: 'show-ipsec-spi', direction: 'current-outbound', spi: spiHex(value) };
  }
  // the ASA's state of an SA, after its spi line: `SA State: active`
  if (t.startsWith('SA State: ')) return { type: 'show-ipsec-status', status: t.slice(10).trim().toUpperCase(), plane: null };
  if (t.startsWith('Status: ')) {
    // IOS-XE prints the data plane's state after the SA's own: `Status: ACTIVE(ACTIVE)`
    const m = /^([A-Z_-]{1,24})\(([A-Z_-]{1,24})\)$/.exec(t.slice(8).trim());
    return m ? { type: 'show-ipsec-status', status: m[1] ?? '', plane: m[2] ?? null } : { type: 'show-ipsec-status', status: t.slice(8).trim(), plane: null };
  }
  if (t.indexOf('path mtu ') >= 0) {
    const m = /path mtu (\d+)/.exec(t);
    if (m) return { type: 'show-ipsec-mtu', pathMtu: Number(m[1]) };
  }
  if (t.startsWith('Crypto map tag:')) {
    // `local addr 192.0.2.1`; 12.x `local addr. 12.1.1.2`; the ASA `seq num: 2, local addr: 172.16.248.119`
    const m = /local addr[.:]? (\S+)$/.exec(t);
    const local = m ? book.address(m[1] ?? '') : null;
    if (local !== null) return { type: 'show-ipsec-peer', peer: '', local, port: null };
  }
  if (t.startsWith('PFS (Y/N): ')) {
    const pfs = t.slice(11, 12);
    if (pfs === 'N') return { type: 'show-ipsec-pfs', pfs: false, group: null };
    const group = /^Y, DH group: group(\d+)\b/.exec(t.slice(11));
    if (group) return { type: 'show-ipsec-pfs', pfs: true, group: Number(group[1]) };
  }
  if (t.startsWith('transform: ')) {
    // `transform: esp-aes esp-sha-hmac ,`: the transforms, the list's closing comma left out; the ASA's
    // `esp-aes-256 esp-md5-hmac no compression` says no IPComp after them
    const listed = listBody(t.slice(11));
    const transform = listed.endsWith(' no compression') ? listed.slice(0, -15).trim() : listed;
    if (transform.length > 0) return { type: 'show-ipsec-transform', transform };
  }
  if (t.startsWith('in use settings ={')) {
    const settings = listBody(t.slice(18));
    return settingsEvent(settings);
  }
  if (t.startsWith('Group: ')) return { type: 'info', text: t, words: `The GET VPN (GDOI) group these SAs belong to: ${t.slice(7).trim()}.` };
  const known = [
    'interface:', 'protected vrf', 'local  ident', 'local ident', 'remote ident', 'PERMIT', '#pkts', '#send errors',
    'local crypto endpt', 'remote crypto endpt', 'PFS (Y/N)', 'transform:', 'in use settings', 'conn id:',
    'sa timing:', 'IV size:', 'replay detection', 'plaintext mtu', 'Kilobyte Volume',
    // the ASA's
    'dynamic allocated peer ip', 'access-list ', '#pre-frag', '#PMTUs', '#TFC', '#Valid ICMP', 'PMTU time remaining',
    'ICMP error validation', 'current inbound spi', 'slot: ', 'Anti replay bitmap',
    // lines whose addresses a vendor's page replaced by placeholders (`local addr: <Corporate Public IP>`)
    'Crypto map tag:', 'current_peer', 'path mtu',
  ];
  for (const k of known) if (t.startsWith(k)) return { type: 'info', text: t };
  // the ASA's anti-replay bitmap under its heading: `0xFFFFFFFF 0xFFFFFFFF`
  if (ANTI_REPLAY_BITMAP.test(t)) return { type: 'info', text: t, words: 'The anti-replay bitmap: one bit per sequence number of the window, set for those received.' };
  return null;
}

/** A list as IOS closes it (`esp-aes esp-sha-hmac ,`, `Tunnel UDP-Encaps, }`) without its closing commas and brace. */
function listBody(text: string): string {
  let end = text.length;
  for (;;) {
    const c = text.charAt(end - 1);
    if (end === 0 || (c !== ',' && c !== '}' && c !== ' ' && c !== '\t')) break;
    end -= 1;
  }
  return text.slice(0, end).trim();
}

/**
 * What `in use settings ={...}` names, its words read once: the mode (`Tunnel, `, `Transport, `, `Tunnel UDP-Encaps, `;
 * null when it names neither), ESP in UDP (NAT-T: IOS's `UDP-Encaps`, the ASA's `{L2L, Tunnel,  NAT-T-Encaps, IKEv1, }`),
 * and the words only the ASA prints: the connection's type and the IKE version that made the SAs.
 */
function settingsEvent(settings: string): ShowIpsecSettings {
  const words = settings.split(',').flatMap((w) => w.trim().split(' '));
  const tunnel = words.includes('Tunnel');
  const transport = words.includes('Transport');
  const udpWord = words.includes('NAT-T-Encaps') ? 'NAT-T-Encaps' : words.includes('UDP-Encaps') ? 'UDP-Encaps' : null;
  const udp = udpWord !== null;
  const encapsulation = tunnel === transport ? null : tunnel ? (udp ? 'tunnel-udp' : 'tunnel') : udp ? 'transport-udp' : 'transport';
  const ikeVersion = words.includes('IKEv2') ? 2 : words.includes('IKEv1') ? 1 : null;
  const asaWords = ikeVersion !== null || udpWord === 'NAT-T-Encaps' || words.includes('L2L') || words.includes('RA');
  return { type: 'show-ipsec-settings', settings, encapsulation, udpWord, ikeVersion, asaWords };
}

type ShowIpsecSettings = Extract<IkeEventBody, { type: 'show-ipsec-settings' }>;

/** A row of show crypto isakmp sa whose dst and src a vendor's page replaced by `<...>` placeholders. */
const PLACEHOLDER_ROW = /^\*?<[^<>]{1,64}>\s+<[^<>]{1,64}>\s+[A-Z]{2}_[A-Z_]+\s+\d+/;
const ISAKMP_PEER = /^Peer: (\S+) Port: \d+(?: Local: (\S+))?/;
const SESSION_IKE = /^IKE(?:v1)? SA: local (\S+?)\/\d+ remote (\S+?)\/\d+ (\S+)/;
const SESSION_SAS = /^Active SAs: (\d+)/;
/** `Capabilities:DN connid:3 lifetime:23:07:14`, `Capabilities:(none) connid:1004 lifetime:23:59:39` */
/** `IPSEC FLOW: permit ip 192.168.200.0/255.255.255.0 host 10.250.1.7`: each end an address/mask, `host X` or `any`. */
const SESSION_FLOW = /^IPSEC FLOW: permit \S{1,12} +(host \S{1,64}|\S{1,80}) +(host \S{1,64}|\S{1,80})/;

function sessionFlow(t: string): { local: string; remote: string } | null {
  const m = SESSION_FLOW.exec(t);
  return m === null ? null : { local: m[1] ?? '', remote: m[2] ?? '' };
}

const SESSION_CAPABILITIES = /^Capabilities:([A-Z]{1,12}|\(none\))(?: connid:(\d{1,9}))?(?: lifetime:(\S{1,20}))?/;
// IOS pads the hex to eight characters with spaces: `Outbound SPI : 0x 623029E`
const SESSION_SPI = /^(In|Out)bound SPI : 0x( *[\da-f]{1,8})(?:, transform : (.+))?$/i;
// an `IKEv2 SA:` or `IKE SA:` line whose form is not read above is still a line of the session's output
const SESSION_INFO = ['Interface:', 'Session status:', 'Peer:', 'IPSEC FLOW:', 'Group:', 'IKEv2 SA:', 'IKEv1 SA:', 'IKE SA:', ...SESSION_DETAIL_LINES];
/** `IKEv2 SA: local 10.1.10.50/4500 remote 52.175.250.191/4500 Active`: an IKE SA of IKEv2, read with show crypto ikev2 sa's rows. */
const SESSION_IKEV2 = /^IKEv2 SA: local (\S{1,64})\/(\d{1,5})(?: remote (\S{1,64})\/(\d{1,5}) ([A-Za-z-]{2,20}))?$/;
/** The rest of an `IKEv2 SA:` line of IPv6 ends, wrapped after the local address: `remote 2001:101:0:1::2/500 Active`. */
const SESSION_IKEV2_REMOTE = /^remote (\S{1,64})\/(\d{1,5}) ([A-Za-z-]{2,20})$/;

/** A line of `show crypto session` output. An `IKEv2 SA:` line is no phase 1 of IKEv1: it is an IKE SA of IKEv2, as show crypto ikev2 sa's rows are. */
function sessionEvent(t: string, book: AddressBook, state: ShowState): IkeEventBody | null {
  const ike = SESSION_IKE.exec(t);
  if (ike) {
    state.ikev2 = false;
    const local = book.address(ike[1] ?? '');
    const peer = book.address(ike[2] ?? '');
    if (local !== null && peer !== null) return { type: 'show-session-ike', local, peer, status: ike[3] ?? '' };
  }
  const v2 = t.startsWith('IKEv2 SA:') ? SESSION_IKEV2.exec(t) : null;
  if (v2 !== null) {
    const local = book.address(v2[1] ?? '');
    const remote = v2[3] === undefined ? null : book.address(v2[3]);
    if (local !== null) {
      state.ikev2 = true;
      return { type: 'show-ikev2', line: { kind: 'session-sa', local, localPort: Number(v2[2]), remote, remotePort: remote === null ? null : Number(v2[4]), status: v2[5] ?? null } };
    }
  }
  const rest = t.startsWith('remote ') ? SESSION_IKEV2_REMOTE.exec(t) : null;
  const restAddress = rest === null ? null : book.address(rest[1] ?? '');
  if (rest !== null && restAddress !== null) return { type: 'show-ikev2', line: { kind: 'session-sa-remote', remote: restAddress, remotePort: Number(rest[2]), status: rest[3] ?? '' } };
  if (t.startsWith('Interface: ')) {
    state.ikev2 = false;
    return { type: 'show-session-interface', iface: t.slice(11).trim() };
  }
  const sas = SESSION_SAS.exec(t);
  if (sas) return state.ikev2 === true ? { type: 'show-ikev2', line: { kind: 'session-flow-sas', active: Number(sas[1]) } } : { type: 'show-session-sas', active: Number(sas[1]) };
  const flow = state.ikev2 === true && t.startsWith('IPSEC FLOW:') ? sessionFlow(t) : null;
  if (flow !== null) return { type: 'show-ikev2', line: { kind: 'session-flow', ...flow } };
  const caps = state.ikev2 === true ? SESSION_CAPABILITIES.exec(t) : null;
  if (caps !== null) {
    return { type: 'show-ikev2', line: { kind: 'capabilities', letters: caps[1] === '(none)' ? '' : (caps[1] ?? ''), connId: caps[2] === undefined ? null : Number(caps[2]), lifetime: caps[3] ?? null } };
  }
  const spi = SESSION_SPI.exec(t);
  const value = spi ? parseSpiHex(`0x${(spi[2] ?? '').trim()}`) : null;
  if (spi && value !== null) {
    const transform = spi[3]?.trim() ?? '';
    return { type: 'show-session-spi', direction: spi[1]?.toLowerCase() === 'in' ? 'inbound' : 'outbound', spi: spiHex(value), transform: transform.length > 0 ? transform : null };
  }
  for (const k of SESSION_INFO) if (t.startsWith(k)) return { type: 'info', text: t };
  return null;
}

/** Whether an unindented line can still be show output (it starts like one of the lines above). */
export function looksLikeShowLine(t: string): boolean {
  return (
    t.startsWith('interface:') ||
    t.startsWith('Interface:') ||
    t.startsWith('Peer: ') ||
    t.startsWith('IPv4 Crypto') ||
    t.startsWith('IPv6 Crypto') ||
    t.startsWith('dst ') ||
    /^[\d.a-f:]+ +[\d.a-f:]+ +[A-Z_]+/i.test(t)
  );
}

/**
 * The show command whose output a line opens when it is pasted without its command: a heading or first line that
 * only that output prints (`local  ident (addr/mask/prot/port): ...`, `current_peer 192.0.2.1 port 500`, `interface:`
 * and `Crypto map tag:` of show crypto ipsec sa; `IPv4 Crypto ISAKMP SA`; `Crypto session current status`).
 */
export function showBlockStart(t: string): ShowState['command'] | null {
  // a page that collapsed runs of spaces prints `local ident`
  if (/^(?:local {1,2}|remote )ident \(addr\/mask\/prot\/port\)/.test(t) || t.startsWith('#pkts encaps:')) return 'ipsec';
  if (t.startsWith('current_peer ') || t.startsWith('current_peer: ') || t.startsWith('current outbound spi:') || t.startsWith('interface: ') || t.startsWith('Crypto map tag:')) return 'ipsec';
  if (t.startsWith('IPv4 Crypto ISAKMP SA') || t.startsWith('IPv6 Crypto ISAKMP SA') || startsAsaIkeSa(t)) return 'isakmp';
  if (startsEventTrace(t)) return 'trace';
  if (startsCryptoMap(t)) return 'map';
  if (startsSettings(t)) return 'settings';
  return startsSessionBlock(t) ? 'session' : null;
}

/**
 * The peer of a `show crypto ipsec sa` block and the port its SAs use: `current_peer 192.0.2.1 port 4500`, or 12.x's
 * `current_peer: 13.1.1.3:4500` (an IPv4 address, its port after a colon).
 */
function currentPeer(rest: string, book: AddressBook, t: string): IkeEventBody | null {
  const words = rest.replace(/^:/, '').trim().split(' ');
  const first = words[0] ?? '';
  // a vendor's page prints `<Primary VPN Hostname>` for the address: no peer
  if (first.startsWith('<')) return null;
  const colon = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(first);
  const address = book.address(colon ? (colon[1] ?? '') : first);
  if (address === null) return null;
  const port = colon ? printedCount(colon[2]) : words[1] === 'port' ? printedCount(words[2]) : null;
  // a GET VPN group member's SAs (GDOI, UDP 848) are keyed by the key server for the group, with no peer
  if (address === '0.0.0.0' || address === '::') {
    return { type: 'info', text: t, words: port === 848 ? "No peer: these SAs are a GET VPN group's (GDOI, UDP 848), keyed by its key server, not negotiated with a peer in a Quick Mode." : 'No peer (0.0.0.0): these SAs are not with one peer.' };
  }
  return { type: 'show-ipsec-peer', peer: address, local: null, port };
}
