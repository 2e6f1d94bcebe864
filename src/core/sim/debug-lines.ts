/**
 * The lines of one simulated router's debug output as IOS prints them: the line heads (ISAKMP, ISAKMP-PAK,
 * ISAKMP-ERROR, attributes, key-engine blocks) and the blocks several trace steps print alike.
 */
import type { Side } from '../ike/sides.ts';
import type { PolicyCheck } from './decide.ts';
import { encryptionWords, hashWords, hex8, mismatchLines, proxy, timestamp, transformWords, vpi } from './ios-print.ts';
import type { Phase1Proposal, Phase2Offer } from './offers.ts';
import type { SimPeerInfo } from './trace.ts';

/** The router printing and its peer, and what identifies their SAs. */
export interface DebugWho {
  side: Side;
  me: SimPeerInfo;
  peer: SimPeerInfo;
  family: 4 | 6;
  spiIn: number;
  spiOut: number;
}

export class DebugLines {
  readonly out: string[] = [];
  /** The time of the step being printed. */
  at = 0;
  /** The conn-id printed in ISAKMP heads: 0 until the keys are known. */
  connId = 0;
  private readonly xe: boolean;

  constructor(
    style: 'ios-xe' | 'ios-15',
    private readonly who: DebugWho,
  ) {
    this.xe = style === 'ios-xe';
  }

  readonly isakmp = (text: string, id: number | null = this.connId) => {
    const head = id === null ? 'ISAKMP: ' : this.xe ? `ISAKMP: (${id}):` : `ISAKMP:(${id}):`;
    this.out.push(`${timestamp(this.at)} ${head}${text}`);
  };
  readonly pak = (text: string) => this.out.push(`${timestamp(this.at)} ${this.xe ? `ISAKMP-PAK: (${this.connId}):` : `ISAKMP:(${this.connId}): `}${text}`);
  readonly error = (text: string) => this.out.push(`${timestamp(this.at)} ${this.xe ? `ISAKMP-ERROR: (${this.connId}):` : `ISAKMP:(${this.connId}):`}${text}`);
  readonly attr = (text: string) => this.out.push(`${timestamp(this.at)} ISAKMP:      ${text}`);
  readonly raw = (text: string) => this.out.push(text.startsWith(' ') ? text : `${timestamp(this.at)} ${text}`);

  readonly policyAttrs = (p: Phase1Proposal) => {
    this.attr(`encryption ${encryptionWords[p.encryption] ?? p.encryption.toUpperCase()}`);
    if (p.keyLength !== null) this.attr(`keylength of ${p.keyLength}`);
    this.attr(`hash ${hashWords[p.hash] ?? p.hash.toUpperCase()}`);
    this.attr(`default group ${p.group}`);
    this.attr(`auth ${p.auth}`);
    this.attr('life type in seconds');
    this.attr(`life duration (VPI) of  ${vpi(p.lifetimeSeconds)}`);
  };
  readonly checkLines = (check: PolicyCheck) => {
    this.isakmp(`Checking ISAKMP transform ${check.transform} against priority ${check.local.priority} policy`);
    this.policyAttrs(check.offered);
    if (check.mismatch !== null) {
      this.isakmp(mismatchLines[check.mismatch]);
      this.isakmp('atts are not acceptable. Next payload is 0');
    } else {
      this.isakmp('atts are acceptable. Next payload is 0');
      this.isakmp(`Acceptable atts:actual life: ${Math.min(check.offered.lifetimeSeconds, check.local.lifetimeSeconds)}`);
    }
  };
  readonly transformLines = (offer: Phase2Offer) => {
    const set = offer.transformSets[0];
    if (!set) return;
    const words = transformWords(set.transforms);
    this.isakmp('Checking IPSec proposal 1');
    this.isakmp(`transform 1, ${words.cipher}`, null);
    this.out.push(`${timestamp(this.at)} ISAKMP:   attributes in transform:`);
    this.attr(`encaps is ${set.mode === 'tunnel' ? '1 (Tunnel)' : '2 (Transport)'}`);
    this.attr('SA life type in seconds');
    this.attr(`SA life duration (basic) of ${offer.lifetimeSeconds}`);
    this.attr('SA life type in kilobytes');
    this.attr(`SA life duration (VPI) of  ${vpi(offer.lifetimeKilobytes)}`);
    this.attr(`authenticator is ${words.authenticator}`);
    this.attr(`key length is ${words.keyLength}`);
    if (offer.pfsGroup !== null) this.attr(`group is ${offer.pfsGroup}`);
  };
  readonly keyEngineBlock = (kind: 'sa_request' | 'validate_proposal_request', offer: Phase2Offer, direction: 'OUTBOUND' | 'INBOUND') => {
    const set = offer.transformSets[0];
    const words = transformWords(set?.transforms ?? []);
    const mode = set?.mode === 'transport' ? 'Transport' : 'Tunnel';
    const local = this.who.side === 'initiator' ? offer.localProxy : offer.remoteProxy;
    const remote = this.who.side === 'initiator' ? offer.remoteProxy : offer.localProxy;
    this.raw(`IPSEC(${kind}): ${kind === 'sa_request' ? ',' : 'proposal part #1,'}`);
    this.raw(`  (key eng. msg.) ${direction} local= ${this.who.me.address}:${kind === 'sa_request' ? 500 : 0}, remote= ${this.who.peer.address}:${kind === 'sa_request' ? 500 : 0},`);
    this.raw(`    local_proxy= ${proxy(local, this.who.family)},`);
    this.raw(`    remote_proxy= ${proxy(remote, this.who.family)},`);
    this.raw(`    protocol= ESP, transform= ${kind === 'sa_request' ? (set?.transforms.join(' ') ?? 'NONE') : 'NONE'}  (${mode}),`);
    this.raw(kind === 'sa_request' ? `    lifedur= ${offer.lifetimeSeconds}s and ${offer.lifetimeKilobytes}kb,` : '    lifedur= 0s and 0kb,');
    this.raw(`    spi= 0x0(0), conn_id= 0, keysize= ${words.keyLength}, flags= 0x0`);
  };
  readonly createSaBlocks = (offer: Phase2Offer | null) => {
    const set = offer?.transformSets[0];
    const transforms = set?.transforms.join(' ') ?? 'esp-aes esp-sha-hmac';
    this.raw('IPSEC(key_engine): got a queue event with 1 KMI message(s)');
    for (const [dest, spi] of [
      [this.who.me.address, this.who.spiIn],
      [this.who.peer.address, this.who.spiOut],
    ] as const) {
      this.raw('IPSEC(create_sa): sa created,');
      this.raw(`  (sa) sa_dest= ${dest}, sa_proto= 50,`);
      this.raw(`    sa_spi= 0x${hex8(spi).replace(/^0+(?=.)/, '')}(${spi}),`);
      this.raw(`    sa_trans= ${transforms} , sa_conn_id= ${2000 + (spi % 1000)}`);
    }
  };
}
