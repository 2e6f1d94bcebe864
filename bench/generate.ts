import { rng } from '../scripts/seeded-random.ts';
import { ikev2Templates, type Ikev2Template } from './ikev2-templates.ts';
/**
 * Deterministic generator of a large IOS-XE debug log: many negotiations (initiator and responder views,
 * successes and failures) interleaved line by line, built from the line shapes of the corpus; with `ikev2`,
 * a quarter of them IKEv2 (IOS-XE 17 and ASA forms, successes and failures, ikev2-templates.ts).
 */
const INITIATOR = `ISAKMP: (0):SA request profile is (NULL)
ISAKMP: (0):Created a peer struct for {P}, peer port 500
ISAKMP: (0):New peer created peer = 0x8000730939973C58 peer_handle = 0x8000000040000004
ISAKMP: (0):Locking peer struct 0x8000730939973C58, refcount 1 for isakmp_initiator
ISAKMP: (0):local port 500, remote port 500
ISAKMP: (0):set new node 0 to QM_IDLE      
ISAKMP: (0):insert sa successfully sa = 8000730939974E40
ISAKMP: (0):Can not start Aggressive mode, trying Main mode.
ISAKMP: (0):found peer pre-shared key matching {P}
ISAKMP: (0):constructed NAT-T vendor-rfc3947 ID
ISAKMP: (0):constructed NAT-T vendor-07 ID
ISAKMP: (0):Input = IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM
ISAKMP: (0):Old State = IKE_READY  New State = IKE_I_MM1 
ISAKMP: (0):beginning Main Mode exchange
ISAKMP-PAK: (0):sending packet to {P} my_port 500 peer_port 500 (I) MM_NO_STATE
ISAKMP: (0):Sending an IKE IPv4 Packet.
ISAKMP-PAK: (0):received packet from {P} dport 500 sport 500 Global (I) MM_NO_STATE
ISAKMP: (0):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH
ISAKMP: (0):Old State = IKE_I_MM1  New State = IKE_I_MM2 
ISAKMP: (0):processing SA payload. message ID = 0
ISAKMP: (0):processing vendor id payload
ISAKMP: (0):vendor ID seems Unity/DPD but major 69 mismatch
ISAKMP: (0):vendor ID is NAT-T RFC 3947
ISAKMP: (0):found peer pre-shared key matching {P}
ISAKMP: (0):local preshared key found
ISAKMP: (0):Scanning profiles for xauth ...
ISAKMP: (0):Checking ISAKMP transform 1 against priority 10 policy
ISAKMP: (0):      encryption AES-CBC
ISAKMP: (0):      keylength of 256
ISAKMP: (0):      hash SHA
ISAKMP: (0):      default group 14
ISAKMP: (0):      auth pre-share
ISAKMP: (0):      life type in seconds
ISAKMP:      life duration (VPI) of  0x0 0x1 0x51 0x80 
ISAKMP: (0):atts are acceptable. Next payload is 0
ISAKMP: (0):Acceptable atts:actual life: 0
ISAKMP: (0):Acceptable atts:life: 0
ISAKMP: (0):Fill atts in sa vpi_length:4
ISAKMP: (0):Fill atts in sa life_in_seconds:86400
ISAKMP: (0):Returning Actual lifetime: 86400
ISAKMP: (0):Started lifetime timer: 86400.
ISAKMP: (0):Input = IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE
ISAKMP: (0):Old State = IKE_I_MM2  New State = IKE_I_MM2 
ISAKMP-PAK: (0):sending packet to {P} my_port 500 peer_port 500 (I) MM_SA_SETUP
ISAKMP: (0):Sending an IKE IPv4 Packet.
ISAKMP: (0):Input = IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE
ISAKMP: (0):Old State = IKE_I_MM2  New State = IKE_I_MM3 
ISAKMP-PAK: (0):received packet from {P} dport 500 sport 500 Global (I) MM_SA_SETUP
ISAKMP: (0):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH
ISAKMP: (0):Old State = IKE_I_MM3  New State = IKE_I_MM4 
ISAKMP: (0):processing KE payload. message ID = 0
ISAKMP: (0):processing NONCE payload. message ID = 0
ISAKMP: (0):found peer pre-shared key matching {P}
ISAKMP: ({C}):processing vendor id payload
ISAKMP: ({C}):vendor ID is Unity
ISAKMP: ({C}):processing vendor id payload
ISAKMP: ({C}):vendor ID is DPD
ISAKMP: ({C}):speaking to another IOS box!
ISAKMP: ({C}):received payload type 20
ISAKMP: ({C}):His hash no match - this node outside NAT
ISAKMP: ({C}):received payload type 20
ISAKMP: ({C}):No NAT Found for self or peer
ISAKMP: ({C}):Input = IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE
ISAKMP: ({C}):Old State = IKE_I_MM4  New State = IKE_I_MM4 
ISAKMP: ({C}):Send initial contact
ISAKMP: ({C}):SA is doing 
ISAKMP: ({C}):pre-shared key authentication using id type ID_IPV4_ADDR
ISAKMP: ({C}):ID payload 
        next-payload : 8
        type         : 1
ISAKMP: ({C}):   address      : {L}
ISAKMP: ({C}):   protocol     : 17 
        port         : 500 
        length       : 12
ISAKMP: ({C}):Total payload length: 12
ISAKMP-PAK: ({C}):sending packet to {P} my_port 500 peer_port 500 (I) MM_KEY_EXCH
ISAKMP: ({C}):Sending an IKE IPv4 Packet.
ISAKMP: ({C}):Input = IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE
ISAKMP: ({C}):Old State = IKE_I_MM4  New State = IKE_I_MM5 
ISAKMP-PAK: ({C}):received packet from {P} dport 500 sport 500 Global (I) MM_KEY_EXCH
ISAKMP: ({C}):processing ID payload. message ID = 0
ISAKMP: ({C}):processing HASH payload. message ID = 0
ISAKMP: ({C}):SA authentication status:
        authenticated
ISAKMP: ({C}):SA has been authenticated with {P}
ISAKMP: (0):Trying to insert a peer {L}/{P}/500/, 
ISAKMP: (0): and inserted successfully 8000730939973C58.
ISAKMP: ({C}):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH
ISAKMP: ({C}):Old State = IKE_I_MM5  New State = IKE_I_MM6 
ISAKMP: ({C}):Input = IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE
ISAKMP: ({C}):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE 
ISAKMP: ({C}):beginning Quick Mode exchange, M-ID of {M}
ISAKMP: ({C}):QM Initiator gets spi
ISAKMP-PAK: ({C}):sending packet to {P} my_port 500 peer_port 500 (I) QM_IDLE      
ISAKMP: ({C}):Sending an IKE IPv4 Packet.
ISAKMP: ({C}):Node {M}, Input = IKE_MESG_INTERNAL, IKE_INIT_QM
ISAKMP: ({C}):Old State = IKE_QM_READY  New State = IKE_QM_I_QM1
ISAKMP-PAK: ({C}):received packet from {P} dport 500 sport 500 Global (I) QM_IDLE      
ISAKMP: ({C}):processing HASH payload. message ID = {M}
ISAKMP: ({C}):processing SA payload. message ID = {M}
ISAKMP: ({C}):Checking IPSec proposal 1
ISAKMP: ({C}):transform 1, ESP_AES 
ISAKMP: ({C}):   attributes in transform:
ISAKMP: ({C}):      encaps is 1 (Tunnel)
ISAKMP: ({C}):      SA life type in seconds
ISAKMP: ({C}):      SA life duration (basic) of 3600
ISAKMP: ({C}):      authenticator is HMAC-SHA
ISAKMP: ({C}):      key length is 256
ISAKMP: ({C}):atts are acceptable.
IPSEC(validate_proposal_request): proposal part #1,
  (key eng. msg.) INBOUND local= {L}:0, remote= {P}:0,
    local_proxy= 192.168.1.0/255.255.255.0/256/0,
    remote_proxy= 192.168.0.0/255.255.255.0/256/0,
    protocol= ESP, transform= NONE  (Tunnel),
    lifedur= 0s and 0kb,
    spi= 0x0(0), conn_id= 0, keysize= 256, flags= 0x0
ISAKMP: ({C}):processing NONCE payload. message ID = {M}
ISAKMP: ({C}):processing ID payload. message ID = {M}
ISAKMP: ({C}):processing ID payload. message ID = {M}
ISAKMP: ({C}):Node {M}, Input = IKE_MESG_FROM_PEER, IKE_QM_EXCH
ISAKMP: ({C}):Old State = IKE_QM_I_QM1  New State = IKE_QM_IPSEC_INSTALL_AWAIT
IPSEC(create_sa): sa created,
  (sa) sa_dest= {L}, sa_proto= 50, 
    sa_spi= {S1}, 
    sa_trans= esp-aes 256 esp-sha-hmac , sa_conn_id= 2005
    sa_lifetime(k/sec)= (4608000/3600)
IPSEC(create_sa): sa created,
  (sa) sa_dest= {P}, sa_proto= 50, 
    sa_spi= {S2}, 
    sa_trans= esp-aes 256 esp-sha-hmac , sa_conn_id= 2006
    sa_lifetime(k/sec)= (4608000/3600)
ISAKMP: ({C}):Received IPSec Install callback... proceeding with the negotiation
ISAKMP-PAK: ({C}):sending packet to {P} my_port 500 peer_port 500 (I) QM_IDLE      
ISAKMP: ({C}):Sending an IKE IPv4 Packet.
ISAKMP: ({C}):deleting node {M} error FALSE reason "No Error"
ISAKMP: ({C}):Node {M}, Input = IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE
ISAKMP: ({C}):Old State = IKE_QM_IPSEC_INSTALL_AWAIT  New State = IKE_QM_PHASE2_COMPLETE`;

const FAILURE = `ISAKMP: (0):SA request profile is (NULL)
ISAKMP: (0):Created a peer struct for {P}, peer port 500
ISAKMP: (0):local port 500, remote port 500
ISAKMP: (0):Can not start Aggressive mode, trying Main mode.
ISAKMP: (0):found peer pre-shared key matching {P}
ISAKMP: (0):Input = IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM
ISAKMP: (0):Old State = IKE_READY  New State = IKE_I_MM1 
ISAKMP: (0):beginning Main Mode exchange
ISAKMP-PAK: (0):sending packet to {P} my_port 500 peer_port 500 (I) MM_NO_STATE
ISAKMP: (0):Sending an IKE IPv4 Packet.
ISAKMP: (0):retransmitting phase 1 MM_NO_STATE...
ISAKMP: (0):incrementing error counter on sa, attempt 1 of 5: retransmit phase 1
ISAKMP-PAK: (0):sending packet to {P} my_port 500 peer_port 500 (I) MM_NO_STATE
ISAKMP: (0):Sending an IKE IPv4 Packet.
ISAKMP: (0):retransmitting phase 1 MM_NO_STATE...
ISAKMP: (0):incrementing error counter on sa, attempt 2 of 5: retransmit phase 1
ISAKMP-PAK: (0):sending packet to {P} my_port 500 peer_port 500 (I) MM_NO_STATE
ISAKMP: (0):Sending an IKE IPv4 Packet.
ISAKMP: (0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer {P})
%CRYPTO-5-IKMP_SETUP_FAILURE: IKE SETUP FAILED for local:{L} local_id:{L} remote:{P} remote_id:{P} IKE profile:None fvrf:None fvalue:0 VRF:None status:Retransmission exceeded`;

function hex8(n: number): string {
  return `0x${n.toString(16).toUpperCase()}(${n})`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function stamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000) % 24;
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const milli = ms % 1000;
  return `*Oct 25 ${two(h)}:${two(m)}:${two(s)}.${String(milli).padStart(3, '0')}: `;
}

const MONTHS = 'Oct 25 2026 ';

/** IOS-XE 17's stamp (`Nov 30 2024 11:16:54.881 UTC: `), the ASA's syslog time (`Jul 25 22:35:53 `). */
function ikev2Stamp(ms: number, form: Ikev2Template['form']): string {
  const v1 = stamp(ms);
  return form === 'ios' ? `${MONTHS}${v1.slice(8, -2)} UTC: ` : `${v1.slice(1, 16)} `;
}

function hex16(random: () => number): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += Math.floor(random() * 65536).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

/** Writes about `targetBytes` of log text through `write`, deterministically; `ikev2` mixes IKEv2 negotiations in. */
export function generateLog(targetBytes: number, write: (text: string) => void, options: { ikev2?: boolean } = {}): { bytes: number; negotiations: number; ikev2: number } {
  const random = rng(20261127);
  const initiator = INITIATOR.split('\n');
  const failure = FAILURE.split('\n');
  const v2 = options.ikev2 === true ? ikev2Templates() : [];
  // the IKEv2 stream draws from its own generator: the IKEv1 negotiations stay those of the log without it
  const random2 = rng(20261207);
  let ikev2 = 0;
  interface Active {
    lines: string[];
    at: number;
    values: Record<string, string>;
    form: Ikev2Template['form'] | null;
    breakBefore: string;
  }
  const active: Active[] = [];
  let bytes = 0;
  let started = 0;
  let clock = 8 * 3_600_000;
  let buffer = '';
  const start = (): void => {
    started += 1;
    const n = started;
    const values: Record<string, string> = {
      P: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      L: `172.16.${(n >> 8) & 255}.${n & 255}`,
      C: String(1000 + (n % 60000)),
      M: String(Math.floor(random() * 4294967295)),
      S1: hex8(Math.floor(random() * 4294967295)),
      S2: hex8(Math.floor(random() * 4294967295)),
    };
    if (v2.length > 0 && random2() < 0.25) {
      const t = v2[Math.floor(random2() * v2.length)]!;
      for (let k = 0; k < t.spis; k += 1) {
        const spi = hex16(random2);
        values[`X${k}`] = spi;
        values[`x${k}`] = spi.toLowerCase();
      }
      for (let k = 0; k < t.tags; k += 1) values[`T${k}`] = String(((n * 4 + k) % 60000) + 1);
      ikev2 += 1;
      active.push({ lines: t.lines, at: 0, values, form: t.form, breakBefore: t.breakBefore });
      return;
    }
    active.push({ lines: random() < 0.1 ? failure : initiator, at: 0, values, form: null, breakBefore: 'received packet' });
  };
  const PLACEHOLDER = /\{([a-z]\d?)\}/gi;
  const print = (a: Active, template: string): string => {
    const line = template.replace(PLACEHOLDER, (_, k: string) => a.values[k] ?? '');
    if (a.form === null) return (line.startsWith(' ') ? line : stamp(clock) + line) + '\n';
    return (line.startsWith('|') ? line.slice(1) : ikev2Stamp(clock, a.form) + line) + '\n';
  };
  while (bytes < targetBytes) {
    while (active.length < 24) start();
    const i = Math.floor(random() * active.length);
    const a = active[i];
    if (!a) continue;
    clock += Math.floor(random() * 3);
    const text = print(a, a.lines[a.at] ?? '');
    buffer += text;
    bytes += text.length;
    if (buffer.length > 1 << 20) {
      write(buffer);
      buffer = '';
    }
    a.at += 1;
    // negotiations interleave message by message, as on a busy hub: IOS handles one received packet at a
    // time, so a negotiation's lines run from one `received packet` line to just before its next one
    while (a.at < a.lines.length && !(a.lines[a.at] ?? '').includes(a.breakBefore)) {
      const more = print(a, a.lines[a.at] ?? '');
      buffer += more;
      bytes += more.length;
      a.at += 1;
    }
    if (a.at >= a.lines.length) active.splice(i, 1);
  }
  if (buffer.length > 0) write(buffer);
  return { bytes, negotiations: started, ikev2 };
}
