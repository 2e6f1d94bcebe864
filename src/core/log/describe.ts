/** describe: one event in plain words, for the log pane and `analyze --annotate`. */
import type { IkeEventBody } from './events.ts';
import { lookupTable } from '../ike/lookup-table.ts';
import { describeIkev2Record } from './ikev2/describe.ts';
import { asaIkev2Message, asaIkev2Words } from './asa-ikev2-syslog.ts';
import { tunnelStatus, tunnelStatusWords } from './tunnel-status.ts';
import { describeIkev2Show } from './show-ikev2-describe.ts';
import { infoWords } from './info-words.ts';
import { formatDuration } from '../clock/duration.ts';
import { capabilityWords } from './show-isakmp-detail.ts';

const STATE_WORDS = lookupTable<string>({
  MM_NO_STATE: 'Main Mode, nothing agreed yet',
  MM_SA_SETUP: 'Main Mode, policy agreed',
  MM_KEY_EXCH: 'Main Mode, keys exchanged',
  QM_IDLE: 'phase 1 up, Quick Mode or informational',
  'NEW SA': 'a new ISAKMP SA',
  AG_NO_STATE: 'Aggressive Mode, nothing agreed yet',
  AG_INIT_EXCH: 'Aggressive Mode, first exchange done',
});


const ENCAPSULATION_WORDS = {
  tunnel: 'tunnel mode',
  transport: 'transport mode',
  'tunnel-udp': 'tunnel mode, its ESP in UDP (NAT-T)',
  'transport-udp': 'transport mode, its ESP in UDP (NAT-T)',
} as const;


function state(s: string | null): string {
  if (s === null) return '';
  const w = STATE_WORDS[s];
  return w ? ` (state ${s}: ${w})` : ` (state ${s})`;
}

/**
 * Puts events in plain words for one analysis. It keeps one string per distinct meaning: a long log says
 * the same few things a million times, and every record then shares its annotation instead of holding a
 * copy. Keys are short; the memo is bounded, and it goes with its analysis.
 */
export class Annotator {
  private readonly memo = new Map<string, string>();
  /** The unit of the phase 2 life duration to come, as the `SA life type in …` line before it says. */
  lifeUnit: string | null = null;

  /** `only`: the events whose words an output shows; the others are understood but said as '' (none read them). */
  constructor(private readonly only: ((e: IkeEventBody) => boolean) | null = null) {}

  describe(e: IkeEventBody): string {
    if (this.only !== null && !this.only(e)) return '';
    return describeEvent(e, this);
  }

  once(key: string, make: () => string): string {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const text = make();
    if (this.memo.size < 20_000) this.memo.set(key, text);
    return text;
  }
}

function describeEvent(e: IkeEventBody, memo: Annotator): string {
  switch (e.type) {
    case 'packet':
      // the peer is on the line itself and in the negotiation: leaving it out lets every such line share one text
      return memo.once(`p${e.dir}${e.role ?? ''}${e.state ?? ''}`, () =>
        e.dir === 'out'
          ? `Sends an IKE packet to the peer${e.role ? ` as ${roleWord(e.role)}` : ''}${state(e.state)}.`
          : `Receives an IKE packet from the peer${e.role ? ` as ${roleWord(e.role)}` : ''}${state(e.state)}.`,
      );
    case 'packet-sent':
      return e.ipVersion === 6 ? 'The packet goes out over IPv6.' : 'The packet goes out over IPv4.';
    case 'fsm-input':
      return memo.once(`i${e.source}${e.event}${e.node !== null ? 'q' : ''}`, () => `State machine input: ${e.event} from ${sourceWord(e.source)}${e.node !== null ? ' (Quick Mode exchange)' : ''}.`);
    case 'fsm-state':
      return memo.once(`s${e.from}>${e.to}`, () => (e.from === e.to ? `Stays in ${e.to}.` : `State changes from ${e.from} to ${e.to}.`));
    case 'payload':
      if (e.payload === 'NAT-D') return 'NAT discovery payload: hashes of addresses and ports, to detect NAT.';
      if (e.payload === 'NAT-OA') return `NAT original address of the peer: ${e.detail ?? '?'}.`;
      if (e.payload === 'ATTR') return 'Reads the attribute payload of a transaction exchange (XAUTH or mode config) from the peer.';
      return memo.once(`y${e.payload}${e.messageId !== null && e.messageId !== 0 ? 'q' : ''}`, () => `Reads the ${e.payload} payload${e.messageId !== null && e.messageId !== 0 ? ' (Quick Mode or informational exchange)' : ''}.`);
    case 'vendor':
      if (e.dir === 'out') return memo.once(`v${e.vendor}`, () => `Adds a vendor ID: ${e.vendor}.`);
      if (e.vendor === 'IOS') return 'The peer is a Cisco IOS router.';
      return memo.once(`V${e.mismatch ? 'm' : ''}${e.vendor}`, () => (e.mismatch ? `Vendor ID not fully recognised (${e.vendor}).` : `The peer supports ${e.vendor}.`));
    case 'nat':
      return e.detected ? `NAT detection: ${e.text}.` : 'NAT detection: no NAT between the peers.';
    case 'id':
      return e.address ? `Identity payload: address ${e.address}.` : 'Identity payload (MM5/MM6): who this side is.';
    case 'notify':
      return e.dir === 'in' ? `The peer sent NOTIFY ${e.notify}.` : `Sends NOTIFY ${e.notify} to the peer.`;
    case 'p1-check':
      return `Compares the peer's proposal ${e.transform} with local ISAKMP policy ${e.priority}.`;
    case 'p1-attr':
      return memo.once(`a${e.attr}${e.value}`, () => `Phase 1 proposal: ${p1AttrWord(e.attr)} ${e.attr === 'lifeDuration' && e.number !== null ? `${e.number} s` : e.value}.`);
    case 'p1-atts': {
      const said = e.acceptable ? 'This phase 1 proposal matches the policy.' : 'This phase 1 proposal does not match this policy.';
      // payload 3 is a transform: the peer's SA payload offers another one after it
      return e.next === 3 ? `${said} Another transform of the peer's offer follows.` : said;
    }
    case 'p1-mismatch':
      return `Phase 1 mismatch: ${e.text}`;
    case 'p1-rejected':
      return 'No phase 1 policy matches the proposal: phase 1 fails.';
    case 'p1-lifetime':
      return memo.once(`l${e.kind}${e.seconds}`, () => p1Lifetime(e.kind, e.seconds));
    case 'p2-proposal':
      return `Checks the peer's IPsec proposal ${e.proposal}.`;
    case 'p2-transform':
      return memo.once(`t${e.name}`, () => `Phase 2 proposal: transform ${e.name}.`);
    case 'p2-attr': {
      if (e.attr === 'lifeType') memo.lifeUnit = e.value;
      if (e.attr !== 'lifeDuration' || e.number === null) return memo.once(`b${e.attr}${e.value}`, () => `Phase 2 proposal: ${p2AttrWord(e.attr)} ${e.value}.`);
      // the duration is in the unit the life type line before it names: each type line has its own duration
      const unit = memo.lifeUnit;
      memo.lifeUnit = null;
      const n = e.number;
      return memo.once(`b${e.attr}${n}${unit ?? ''}`, () => `Phase 2 proposal: lifetime ${lifeWords(n, unit)}.`);
    }
    case 'p2-atts':
      return e.acceptable ? 'The phase 2 attributes are acceptable to ISAKMP.' : 'The phase 2 attributes are not acceptable.';
    case 'p2-rejected':
      return e.error !== null
        ? `IPsec refused the phase 2 proposal (error ${e.error}: ${e.error === 256 ? 'transform set or mode mismatch' : e.error === 32 ? 'proxy identities mismatch' : 'see the IPSEC lines'}).`
        : 'No phase 2 proposal is acceptable: Quick Mode fails.';
    case 'psk':
      return e.found ? 'Pre-shared key found for this peer.' : `No pre-shared key for ${e.peer ?? 'the peer'}: Main Mode cannot start.`;
    case 'peer':
      return e.action === 'created'
        ? `New peer ${e.peer ?? ''}.`.replace(' .', '.')
        : e.action === 'deleted'
          ? `Peer ${e.peer ?? ''} removed.`.replace('  ', ' ')
          : `Peer structure ${e.action}.`;
    case 'sa':
      switch (e.action) {
        case 'inserted':
          return 'New ISAKMP SA stored.';
        case 'duplicate':
          return 'An ISAKMP SA for this peer already exists.';
        case 'purged':
          return 'ISAKMP SA freed.';
        case 'deleted':
          return `ISAKMP SA deleted: ${e.reason ?? 'no reason given'}.`;
        case 'authenticated':
          return 'Peer authenticated: phase 1 keys are right.';
        case 'request':
          return 'IPsec asks for an ISAKMP SA: a negotiation starts.';
      }
      return '';
    case 'auth':
      return e.authenticated ? 'The peer is authenticated.' : 'The peer is not authenticated.';
    case 'node':
      return e.action === 'new'
        ? e.state === 'CONF_XAUTH'
          ? 'New transaction exchange: XAUTH.'
          : e.state === 'CONF_ADDR'
            ? 'New transaction exchange: mode config.'
            : 'New exchange (Quick Mode or informational).'
        : memo.once(`n${e.action}${e.reason ?? ''}${e.error ? 'e' : ''}`, () => `Exchange ${e.action === 'deleted' ? 'finished' : 'freed'}${e.reason !== null ? `: ${e.reason || 'no reason'}` : ''}${e.error ? ' (with an error)' : ''}.`);
    case 'begin':
      return e.mode === 'quick'
        ? 'Starts Quick Mode (phase 2): a new exchange.'
        : e.mode === 'main'
          ? 'Starts phase 1 in Main Mode.'
          : 'Starts phase 1 in Aggressive Mode.';
    case 'retransmit':
      return `Resends the last phase ${e.phase} message${e.state ? ` (${e.state})` : ''}${e.attempt !== null ? `, attempt ${e.attempt} of ${e.of ?? '?'}` : ''}: no answer from the peer.`;
    case 'duplicate':
      return 'The peer resent a message: our reply did not reach it.';
    case 'ipsec-request':
      // a record cut by the paste lacks its later lines: say the parts it has
      return e.kind === 'sa_request'
        ? `IPsec asks for SAs${e.remote ? ` to ${e.remote}` : ''}${proxyPair(e)}${e.transform ? `, ${e.transform}` : ''}${e.mode ? ` (${e.mode})` : ''}.`
        : e.kind === 'validate'
          ? `IPsec checks the peer's proposal${proxyPair(e)}${e.mode ? ` (${e.mode})` : ''}.`
          : `IPsec initialises ${e.direction === 'INBOUND' ? 'the inbound' : 'the outbound'} SA ${e.spi ?? ''}.`;
    case 'ipsec-sa':
      return `IPsec SA created${e.direction ? ` (${e.direction})` : ''}${e.dest ? ` to ${e.dest}` : ''}, SPI ${e.spi} (${e.spiDecimal}).`;
    case 'ipsec-installed':
      return `IPsec SA ${e.spi} installed on ${e.iface}.`;
    case 'ipsec-outbound':
      return `Traffic to ${e.peer} now goes out on the IPsec SA ${e.spi}: phase 2 is complete and in use.`;
    case 'ipsec-rejected':
      return e.reason === 'transform'
        ? 'IPsec: the proposed transform set (or mode) is not configured here.'
        : e.reason === 'proxy'
          ? 'IPsec: the proxy identities (crypto ACLs) do not mirror each other.'
          : e.reason === 'map'
            ? 'IPsec: no crypto map entry matches this peer and traffic.'
            : `IPsec refused: ${e.text}`;
    case 'error':
      switch (e.code) {
        case 'no-psk-address':
          return 'No certificate or pre-shared key for this peer address.';
        case 'mm-not-started':
          return 'Main Mode cannot start.';
        case 'sa-init-failed':
          return 'The ISAKMP SA could not be created.';
        case 'kmi':
          return 'ISAKMP could not serve the IPsec request.';
        case 'csdl':
          return 'A configured algorithm is not allowed here (CSDL: weak crypto).';
        case 'peer-index':
          return 'Internal bookkeeping message; harmless.';
        case 'delete-notify-ignored':
          return 'No ISAKMP SA to send a DELETE with.';
        default:
          return `Error: ${e.text}`;
      }
    case 'syslog':
      return syslogWords(e.facility, e.mnemonic, e.text, e.peer);
    case 'line-protocol':
      return `Interface ${e.iface} is ${e.up ? 'up: the tunnel carries traffic' : 'down'}.`;
    case 'endpoints':
      return `This router is ${e.local}, its peer ${e.peer}.`;
    case 'ikev2':
      return describeIkev2Record(e.line, e.also);
    case 'info':
      return e.words ?? infoWords(e.text);
    case 'prompt':
      return e.command.length > 0
        ? `${e.name ? `Router ${e.name}` : 'The operator'} types: ${e.command}`
        : `Prompt of router ${e.name ?? '?'}.`;
    case 'log-source':
      return `Logged by ${e.name}, as the syslog collector names the sender: its lines are that router's.`;
    case 'show-isakmp-sa':
      // `ACTIVE (deleted)`: the SA is being removed, whatever its state says
      if (e.status !== null && e.status.endsWith('(deleted)')) return `ISAKMP SA ${e.src} → ${e.dst} in ${e.state}, ${e.status}: IOS is removing it.`;
      return `ISAKMP SA ${e.src} → ${e.dst} in ${e.state}${e.status ? `, ${e.status}` : ''}${e.state === 'QM_IDLE' ? ': phase 1 is up' : ''}.`;
    case 'show-isakmp-detail':
      return `ISAKMP SA of this router (${e.local}) with ${e.peer}${e.vrf ? ` in VRF ${e.vrf}` : ''}, ${e.status}: ${[e.encryption + (e.keyLength ? ` ${e.keyLength}` : ''), e.hash, e.auth, `DH group ${e.group}`].join(', ')}, ${formatDuration(e.lifetimeLeft * 1000)} of its lifetime left${e.capabilities ? `; capabilities: ${capabilityWords(e.capabilities)}` : ''}.`;
    case 'show-isakmp-peer':
      return `An ISAKMP peer ${e.peer}${e.local ? ` of local address ${e.local}` : ''}: a phase 1 SA with it exists.`;
    case 'show-asa-ike-role':
      return `The ISAKMP SA is ${e.kind === 'L2L' ? 'a LAN-to-LAN tunnel' : e.kind === 'user' ? "a remote-access user's" : `of type ${e.kind}`}; this ASA is its ${e.role}.`;
    case 'show-asa-ike-state':
      return `ISAKMP SA state ${e.state}${e.state === 'MM_ACTIVE' ? ': Main Mode done, phase 1 is up' : e.state === 'AM_ACTIVE' ? ': Aggressive Mode done, phase 1 is up' : ': phase 1 not done yet'}${e.rekey ? '; being rekeyed' : ''}.`;
    case 'show-session-ike':
      return `Phase 1 (IKEv1) SA ${e.local} ↔ ${e.peer}: ${e.status}${e.status === 'Active' ? ', phase 1 is up' : e.status === 'Inactive' ? ', not up' : ''}.`;
    case 'show-session-sas':
      return e.active > 0 ? `${e.active} IPsec SAs active for this flow: phase 2 is up.` : 'No IPsec SA for this flow: phase 2 is not up.';
    case 'show-session-interface':
      return `A crypto session on interface ${e.iface}.`;
    case 'show-session-spi':
      return `${e.direction === 'inbound' ? 'Inbound' : 'Outbound'} SA ${e.spi}${e.transform !== null ? `, transforms ${e.transform}` : ''}.`;
    case 'show-ipsec-peer':
      return e.peer
        ? `The SAs below are with peer ${e.peer}${e.port === 4500 ? ', on UDP 4500: NAT-T' : e.port !== null ? `, port ${e.port}` : ''}.`
        : `Crypto map on this interface; local address ${e.local ?? '?'}.`;
    case 'show-ipsec-pfs':
      return e.group !== null ? `Perfect Forward Secrecy: a new DH exchange, group ${e.group}, at each Quick Mode.` : 'No Perfect Forward Secrecy for these SAs.';
    case 'show-ipsec-transform':
      return `The transforms of this SA: ${e.transform}.`;
    case 'show-ipsec-settings':
      return e.encapsulation === null ? `Settings of this SA: ${e.settings}.` : `This SA is in ${ENCAPSULATION_WORDS[e.encapsulation]}.`;
    case 'show-ipsec-counters':
      return e.encaps !== null ? `${e.encaps} packets encrypted and sent.` : `${e.decaps ?? 0} packets received and decrypted.`;
    case 'show-ipsec-spi':
      return e.direction === 'current-outbound' ? `Outbound SPI in use: ${e.spi}.` : `${e.direction === 'inbound' ? 'Inbound' : 'Outbound'} SA ${e.spi}.`;
    case 'show-ipsec-status':
      return `${e.status === 'ACTIVE' ? 'This SA is active' : `SA status: ${e.status}`}${e.plane === null ? '' : e.plane === e.status ? ', in the data plane too' : `; in the data plane: ${e.plane}`}.`;
    case 'show-ipsec-mtu':
      return `Path MTU ${e.pathMtu}.`;
    case 'show-ikev2':
      return describeIkev2Show(e.line);
  }
}

/** `: proxies a ↔ b` when the request's record kept both proxies, else nothing. */
function proxyPair(e: { localProxy: string | null; remoteProxy: string | null }): string {
  return e.localProxy && e.remoteProxy ? `: proxies ${e.localProxy} ↔ ${e.remoteProxy}` : '';
}

function p1Lifetime(kind: string, seconds: number): string {
  if (kind === 'actual' && seconds > 0) return `Phase 1 lifetime lowered to ${seconds} s (the lower one is used).`;
  if (kind === 'timer') return `Phase 1 SA lifetime timer started: ${seconds} s.`;
  return `Phase 1 lifetime bookkeeping: ${seconds} s.`;
}

function roleWord(r: 'I' | 'R' | 'N'): string {
  return r === 'I' ? 'initiator' : r === 'R' ? 'responder' : 'responder of a new SA';
}

function sourceWord(source: string): string {
  if (source === 'IKE_MESG_FROM_PEER') return 'the peer';
  if (source === 'IKE_MESG_FROM_IPSEC') return 'IPsec';
  if (source === 'IKE_MESG_INTERNAL') return 'ISAKMP itself';
  return source;
}

function p1AttrWord(a: string): string {
  switch (a) {
    case 'keyLength':
      return 'key length';
    case 'group':
      return 'DH group';
    case 'lifeType':
      return 'lifetime in';
    case 'lifeDuration':
      return 'lifetime';
    default:
      return a;
  }
}

/** `3600 s`, `4608000 kilobytes`; a duration whose life type line is not in the paste is said without a unit, as such. */
function lifeWords(n: number, unit: string | null): string {
  if (unit === 'seconds') return `${n} s`;
  if (unit === 'kilobytes') return `${n} kilobytes`;
  return `${n} (its unit is on a life type line not in the paste)`;
}

function p2AttrWord(a: string): string {
  switch (a) {
    case 'encaps':
      return 'encapsulation';
    case 'keyLength':
      return 'key length';
    case 'group':
      return 'PFS group';
    case 'lifeType':
      return 'lifetime in';
    case 'lifeDuration':
      return 'lifetime';
    default:
      return a;
  }
}

function syslogWords(facility: string, mnemonic: string, text: string, peer: string | null): string {
  if (facility === 'CRYPTO') {
    switch (mnemonic) {
      case 'IKMP_BAD_MESSAGE':
        return `A message from ${peer ?? 'the peer'} could not be read: usually the pre-shared keys differ (MM5 and MM6 are encrypted with keys made from each router's own key); more rarely the path drops or mangles large packets.`;
      case 'IKMP_NO_SA':
        return `A message from ${peer ?? 'the peer'} arrived for an ISAKMP SA this side does not have (usually transient).`;
      case 'RECVD_PKT_INV_SPI':
        return "ESP arrived for an SA this side no longer has (after a clear, a reboot, an SA expired on one side first, or a failover to a standby); 'crypto isakmp invalid-spi-recovery' makes it heal at once.";
      case 'IKMP_NO_ID_CERT_ADDR_MATCH': {
        // `ID of 192.168.30.2 (type 1) and certificate addr with 172.16.5.2`, the line maybe cut at the terminal's width
        const m = /^ID of (\S+) \(type (\d+)\) and certificate addr with ?(\d[\d.a-f:]*)?/i.exec(text);
        if (m === null) return `Crypto message ${mnemonic}: ${text}`;
        const cert = m[3] !== undefined ? `, ${m[3]}` : '';
        return `The peer's identity (${m[2] === '1' ? 'the IPv4 address ' : ''}${m[1]}) is not an address its certificate holds${cert}: IOS notes it and goes on; putting the address in the certificate's subjectAltName stops the message.`;
      }
      case 'SESSION_STATUS':
      case 'IKEV2_SESSION_STATUS': {
        const status = tunnelStatus(mnemonic, text);
        if (status !== null) return tunnelStatusWords(status);
        return `Crypto message ${mnemonic}: ${text}`;
      }
      case 'PKT_REPLAY_ERR':
        return replayWords(text);
      case 'ISAKMP_ON_OFF':
        return text.endsWith('ON') ? 'ISAKMP is enabled (a crypto map or profile is applied).' : 'ISAKMP is disabled.';
      default:
        return `Crypto message ${mnemonic}: ${text}`;
    }
  }
  if (facility === 'IPSEC' && mnemonic === 'REPLAY_ERROR') return replayWords(text);
  const asa = asaIkev2Message(facility, mnemonic, text);
  if (asa !== null) return asaIkev2Words(asa);
  return `System message ${facility}-${mnemonic}: ${text}`;
}

/**
 * IOS's `PKT_REPLAY_ERR` (`connection id=29, sequence number=219` on the line below it) and IOS-XE's `REPLAY_ERROR`
 * (`src_addr 192.0.2.1, dest_addr 198.51.100.1, SPI 0x3caaaeb7`): one ESP packet dropped by the anti-replay check.
 */
function replayWords(text: string): string {
  const conn = /connection id=(\d+), sequence number=(\d+)/.exec(text);
  const ends = /src_addr (\d[\d.a-f:]*), dest_addr (\d[\d.a-f:]*)/i.exec(text);
  const spi = /SPI (0x[\da-f]{1,8})/i.exec(text);
  const what = [ends !== null ? `from ${ends[1]} to ${ends[2]}` : '', spi !== null ? `inbound SA ${spi[1]}` : '', conn !== null ? `connection id ${conn[1]}, sequence number ${conn[2]}` : ''].filter((w) => w.length > 0);
  const zero = conn?.[2] === '0' ? ' A sequence number of 0 is none a sender uses: usually a fault on the sending side.' : '';
  return `An ESP packet failed the anti-replay check and was dropped${what.length > 0 ? ` (${what.join(', ')})` : ''}: it came outside the receive window (reordered on the path or by QoS, or reassembled late) or a second time.${zero} A wider window (crypto ipsec security-association replay window-size 1024) stops drops of reordered packets.`;
}
