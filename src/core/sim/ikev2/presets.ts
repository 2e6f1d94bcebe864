/**
 * The lab's IKEv2 scenarios (DESIGN.md names them): two IOS-XE routers as FlexVPN site to site, each config IOS
 * text read by the same config model as a pasted one, the faults between them, the outcome each is meant to show
 * and the finding its analysis is about. The configs follow the real FlexVPN configs of fixtures/configs/ikev2.
 */
import type { FindingCode } from '../../finding.ts';
import type { SimPreset } from '../presets.ts';

export interface Ikev2Preset extends SimPreset {
  /** The finding the analysis of its debug output must show (null: none, the tunnel comes up). */
  finding: FindingCode | null;
}

interface Site {
  name: string;
  address: string;
  peer: string;
  tunnel: string;
  key: string;
  encryption: string;
  /** `match identity remote …` of the profile. */
  identity: string;
  /** A crypto map with this ACL instead of the VTI: `permit ip SRC WILD DST WILD`. */
  acl: string | null;
}

function siteConfig(s: Site): string {
  const head = `hostname ${s.name}
crypto ikev2 proposal PROP-1
 encryption ${s.encryption}
 integrity sha256
 group 14
crypto ikev2 policy POL-1
 proposal PROP-1
crypto ikev2 keyring KEYS
 peer SITE
  address ${s.peer}
  pre-shared-key ${s.key}
crypto ikev2 profile PROF-1
 match identity remote ${s.identity}
 authentication remote pre-share
 authentication local pre-share
 keyring local KEYS
 lifetime 86400
crypto ipsec transform-set TS-1 esp-aes 256 esp-sha256-hmac
 mode tunnel
`;
  if (s.acl !== null) {
    return `${head}crypto map VPN 10 ipsec-isakmp
 set peer ${s.peer}
 set transform-set TS-1
 set ikev2-profile PROF-1
 match address VPN-ACL
ip access-list extended VPN-ACL
 permit ip ${s.acl}
interface GigabitEthernet1
 ip address ${s.address} 255.255.255.0
 crypto map VPN
`;
  }
  return `${head}crypto ipsec profile IPSEC-PROF
 set transform-set TS-1
 set ikev2-profile PROF-1
interface Tunnel0
 ip address ${s.tunnel} 255.255.255.252
 tunnel source GigabitEthernet1
 tunnel mode ipsec ipv4
 tunnel destination ${s.peer}
 tunnel protection ipsec profile IPSEC-PROF
interface GigabitEthernet1
 ip address ${s.address} 255.255.255.0
`;
}

const r1: Site = { name: 'R1', address: '10.0.12.1', peer: '10.0.12.2', tunnel: '172.16.12.1', key: 'Cisco1234', encryption: 'aes-cbc-256', identity: 'address 10.0.12.2 255.255.255.255', acl: null };
const r2: Site = { name: 'R2', address: '10.0.12.2', peer: '10.0.12.1', tunnel: '172.16.12.2', key: 'Cisco1234', encryption: 'aes-cbc-256', identity: 'address 10.0.12.1 255.255.255.255', acl: null };

function pair(name: Ikev2Preset['name'], title: string, changes: { r1?: Partial<Site>; r2?: Partial<Site> }, rest: Pick<Ikev2Preset, 'faults' | 'expect' | 'finding'>): Ikev2Preset {
  const a = { ...r1, ...changes.r1 };
  const b = { ...r2, ...changes.r2 };
  return {
    name,
    title,
    initiator: { name: a.name, address: a.address, platform: 'ios-xe', config: siteConfig(a) },
    responder: { name: b.name, address: b.address, platform: 'ios-xe', config: siteConfig(b) },
    mode: 'main',
    ...rest,
  };
}

export const IKEV2_PRESETS: readonly Ikev2Preset[] = [
  pair('ikev2-seed', 'IKEv2 FlexVPN site to site over a VTI: IKEv2 profile, keyring, pre-shared key; everything up', {}, {
    faults: {},
    expect: { phase1: 'complete', phase2: 'complete' },
    finding: null,
  }),
  pair('ikev2-psk-mismatch', "IKEv2 pre-shared keys differ: R2 cannot verify R1's AUTH and answers AUTHENTICATION_FAILED", { r2: { key: 'Cisco5678' } }, {
    faults: {},
    expect: { phase1: 'failed', phase2: 'failed' },
    finding: 'PSK_MISMATCH',
  }),
  pair('ikev2-proposal-mismatch', 'IKEv2 proposals share no encryption (AES-CBC-256 against AES-CBC-128): IKE_SA_INIT refused with NO_PROPOSAL_CHOSEN', { r2: { encryption: 'aes-cbc-128' } }, {
    faults: {},
    expect: { phase1: 'failed', phase2: 'failed' },
    finding: 'P1_POLICY_MISMATCH',
  }),
  pair(
    'ikev2-ts-mismatch',
    "Crypto maps whose ACLs do not mirror: the IKE SA comes up, the child SA's traffic selectors are refused with TS_UNACCEPTABLE",
    { r1: { acl: '10.1.0.0 0.0.0.255 10.2.0.0 0.0.0.255' }, r2: { acl: '10.2.0.0 0.0.0.255 10.3.0.0 0.0.0.255' } },
    { faults: {}, expect: { phase1: 'complete', phase2: 'failed' }, finding: 'P2_PROXY_MISMATCH' },
  ),
  pair('ikev2-peer-unreachable', 'IKEv2 peer unreachable: R1 retransmits IKE_SA_INIT, then the initial exchange fails', {}, {
    faults: { unreachable: true },
    expect: { phase1: 'failed', phase2: 'failed' },
    finding: 'PEER_UNREACHABLE',
  }),
  pair('ikev2-identity-mismatch', "R2's IKEv2 profile matches an FQDN identity, R1 sends its address: no profile found, IKE_AUTH refused", { r2: { identity: 'fqdn R1.example.com' } }, {
    faults: {},
    expect: { phase1: 'failed', phase2: 'failed' },
    finding: 'IDENTITY_MISMATCH',
  }),
];

export function findIkev2Preset(name: string): Ikev2Preset | undefined {
  return IKEV2_PRESETS.find((p) => p.name === name);
}
