/**
 * The lab's built-in scenarios (DESIGN.md names them): two routers' configs as IOS text, the faults
 * between them, and the outcome each is meant to show: data only, so the page can check a preset's name
 * without the config model. The configs go through the same config model as a pasted config
 * (preset-scenario.ts), so a preset is exactly what `--config A --config B` would give.
 */
import type { Phase1Mode } from '../fsm/machines.ts';
import type { PresetName } from './preset-names.ts';
import type { Platform } from '../fsm/exchange-setup.ts';
import type { SimFaults, SimOutcome } from './trace.ts';

export interface PresetRouter {
  name: string;
  address: string;
  platform: Platform;
  config: string;
}

export interface SimPreset {
  name: PresetName;
  title: string;
  initiator: PresetRouter;
  responder: PresetRouter;
  mode: Phase1Mode;
  faults: SimFaults;
  /** What the scenario is meant to show. */
  expect: { phase1: SimOutcome; phase2: SimOutcome };
}

// The seed document's two routers (IPv6 VTI, IOS 15.2(1)T), as it prints them.
const seedR2 = `hostname R2
crypto isakmp policy 10
 authentication pre-share
crypto isakmp key cisco address ipv6 ::/0
crypto ipsec transform-set TRA esp-aes esp-sha-hmac
 mode transport
crypto ipsec profile PRO
 set transform-set TRA
interface Tunnel23
 ip address 192.168.23.2 255.255.255.0
 ipv6 address FE80::23:2 link-local
 tunnel source Ethernet0/0
 tunnel mode ipsec ipv6
 tunnel destination 2001:DB8::3
 tunnel protection ipsec profile PRO
interface Ethernet0/0
 ipv6 address 2001:DB8::2/64
`;

const seedR3 = seedR2
  .replace('hostname R2', 'hostname R3')
  .replace('192.168.23.2', '192.168.23.3')
  .replace('FE80::23:2', 'FE80::23:3')
  .replace('tunnel destination 2001:DB8::3', 'tunnel destination 2001:DB8::2')
  .replace('ipv6 address 2001:DB8::2/64', 'ipv6 address 2001:DB8::3/64');

interface SiteOptions {
  name: string;
  address: string;
  peer: string;
  local: string;
  remote: string;
  key?: string;
  encryption?: string;
  hash?: string;
  group?: number;
  transforms?: string;
  pfs?: number;
}

/** A LAN-to-LAN crypto map router, IOS-XE style, with the knobs the presets turn. */
function site(o: SiteOptions): string {
  return `hostname ${o.name}
crypto isakmp policy 10
 encryption ${o.encryption ?? 'aes 256'}
 hash ${o.hash ?? 'sha256'}
 authentication pre-share
 group ${o.group ?? 14}
crypto isakmp key ${o.key ?? 'cisco123'} address ${o.peer}
crypto ipsec transform-set TSET ${o.transforms ?? 'esp-aes 256 esp-sha256-hmac'}
 mode tunnel
ip access-list extended VPN-TRAFFIC
 permit ip ${o.local} 0.0.0.255 ${o.remote} 0.0.0.255
crypto map CMAP 10 ipsec-isakmp
 set peer ${o.peer}
 set transform-set TSET
${o.pfs === undefined ? '' : ` set pfs group${o.pfs}\n`} match address VPN-TRAFFIC
interface GigabitEthernet1
 ip address ${o.address} 255.255.255.0
 crypto map CMAP
`;
}

const hq = { name: 'HQ', address: '198.51.100.1', peer: '203.0.113.2', local: '10.1.0.0', remote: '10.2.0.0' };
const branch = { name: 'BRANCH', address: '203.0.113.2', peer: '198.51.100.1', local: '10.2.0.0', remote: '10.1.0.0' };

function pair(initiator: Partial<SiteOptions>, responder: Partial<SiteOptions>): { initiator: PresetRouter; responder: PresetRouter } {
  return {
    initiator: { name: hq.name, address: hq.address, platform: 'ios-xe', config: site({ ...hq, ...initiator }) },
    responder: { name: branch.name, address: branch.address, platform: 'ios-xe', config: site({ ...branch, ...responder }) },
  };
}

export const PRESETS: readonly SimPreset[] = [
  {
    name: 'seed',
    title: "The seed's IPv6 VTI tunnel: R2 initiates, R3 responds, Main Mode and Quick Mode succeed",
    initiator: { name: 'R2', address: '2001:DB8::2', platform: 'ios', config: seedR2 },
    responder: { name: 'R3', address: '2001:DB8::3', platform: 'ios', config: seedR3 },
    mode: 'main',
    faults: {},
    expect: { phase1: 'complete', phase2: 'complete' },
  },
  {
    name: 'psk-mismatch',
    title: 'Different pre-shared keys: MM5 cannot be decrypted, both sides retransmit until they give up',
    ...pair({ key: 'cisco123' }, { key: 'cisco321' }),
    mode: 'main',
    faults: {},
    expect: { phase1: 'failed', phase2: 'incomplete' },
  },
  {
    name: 'p1-policy-mismatch',
    title: 'No phase 1 policy in common (AES-256 offered, AES-128 accepted): refused at MM1',
    ...pair({}, { encryption: 'aes 128' }),
    mode: 'main',
    faults: {},
    expect: { phase1: 'failed', phase2: 'incomplete' },
  },
  {
    name: 'transform-mismatch',
    title: 'Phase 1 up, but no transform set in common: QM1 refused with PROPOSAL_NOT_CHOSEN',
    ...pair({}, { transforms: 'esp-aes esp-sha-hmac' }),
    mode: 'main',
    faults: {},
    expect: { phase1: 'complete', phase2: 'failed' },
  },
  {
    name: 'proxy-mismatch',
    title: 'Crypto ACLs are not mirror images: the proxy identities of QM1 are refused',
    ...pair({}, { remote: '10.9.0.0' }),
    mode: 'main',
    faults: {},
    expect: { phase1: 'complete', phase2: 'failed' },
  },
  {
    name: 'pfs-mismatch',
    title: 'PFS set on the responder only: QM1 carries no key exchange and is refused',
    ...pair({}, { pfs: 14 }),
    mode: 'main',
    faults: {},
    expect: { phase1: 'complete', phase2: 'failed' },
  },
  {
    name: 'peer-unreachable',
    title: 'Nothing reaches the peer: MM1 is retransmitted until Death by retransmission P1',
    ...pair({}, {}),
    mode: 'main',
    faults: { unreachable: true },
    expect: { phase1: 'failed', phase2: 'incomplete' },
  },
  {
    name: 'nat-t',
    title: 'A NAT between the peers: NAT discovered in MM3/MM4, IKE floats to UDP 4500',
    ...pair({}, {}),
    mode: 'main',
    faults: { nat: true },
    expect: { phase1: 'complete', phase2: 'complete' },
  },
  {
    name: 'aggressive',
    title: 'Aggressive Mode: three messages, identities in the clear',
    ...pair({}, {}),
    mode: 'aggressive',
    faults: {},
    expect: { phase1: 'complete', phase2: 'complete' },
  },
];

export function findPreset(name: string): SimPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}
