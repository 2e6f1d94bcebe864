/**
 * The effective crypto configuration of one router: what it will propose and accept, with every IOS default
 * made explicit. Plain data, ready for the relations, the compatibility check and the two-router simulation.
 */
import type { AddressMatch } from './address.ts';
import type { Ikev2Config } from './ikev2-model.ts';
import type { Setting } from './setting.ts';
import type { IosRelease } from './defaults.ts';
import type { AclEntry, IdentityKind, IkeAuth, IkeEncryption, IkeHash, PeerMatch, TransformMode } from './statements.ts';

export type { Setting } from './setting.ts';

export interface IsakmpPolicy {
  priority: number;
  /** The `crypto isakmp policy N` line; null for IOS's default protection suite when no policy is configured. */
  line: number | null;
  encryption: Setting<IkeEncryption>;
  /** AES key length in bits; null for DES and 3DES. Set by the same line as `encryption`. */
  keyLength: Setting<number | null>;
  hash: Setting<IkeHash>;
  auth: Setting<IkeAuth>;
  group: Setting<number>;
  lifetimeSeconds: Setting<number>;
  /** Why the release refuses this policy (weak algorithm), or null when it can be negotiated. */
  refused: string | null;
}

/** A pre-shared key: global (`crypto isakmp key`) or in a keyring. */
export interface PreSharedKey {
  key: string;
  peer: PeerMatch;
  line: number;
  keyring: string | null;
}

export interface Keyring {
  name: string;
  line: number;
  /** `crypto keyring NAME vrf FVRF`: its keys are for peers reached in that front-door VRF. */
  vrf: string | null;
  /** `local-address A|INTERFACE`: only IKE on that local address uses this keyring's keys. */
  localAddress: { value: string; line: number } | null;
}

export interface IsakmpProfile {
  name: string;
  line: number;
  matches: { identity: PeerMatch | { kind: 'fqdn'; name: string }; line: number }[];
  keyring: Setting<string | null>;
  selfIdentity: Setting<IdentityKind>;
  /** `local-address A|INTERFACE`: the address IKE runs from with this profile. */
  localAddress: { value: string; line: number } | null;
  /** `vrf NAME`: the VRF of the traffic its SAs protect. */
  vrf: { name: string; line: number } | null;
  /** `keepalive N retry R` (the profile's DPD, over the global one), `no keepalive` (none: seconds null). */
  keepalive: Setting<{ seconds: number | null; retry: number | null } | null>;
  /** `initiate mode aggressive`: the line, when this profile starts phase 1 in Aggressive Mode. */
  aggressive: number | null;
  trustpoints: { name: string; line: number }[];
}

export interface TransformSet {
  name: string;
  line: number;
  /** Transforms as typed, lower-case, key length kept with its cipher: `esp-aes 256`. */
  transforms: string[];
  mode: Setting<TransformMode>;
  /** `mode transport require`: no fallback to tunnel mode. */
  requireMode: boolean;
  /** Why the release refuses this transform set (weak algorithm), or null when it can be negotiated. */
  refused: string | null;
}

/** What a crypto map entry and an IPsec profile share: the phase 2 proposal. */
export interface Phase2Policy {
  /** Names in order, each with the line that named it; a name may have no transform set defined. */
  transformSets: Setting<string[]>;
  pfsGroup: Setting<number | null>;
  lifetimeSeconds: Setting<number>;
  lifetimeKilobytes: Setting<number>;
  isakmpProfile: Setting<string | null>;
  /** `set ikev2-profile NAME`: this entry negotiates with IKEv2, by that profile. */
  ikev2Profile: Setting<string | null>;
}

export interface IpsecProfile extends Phase2Policy {
  name: string;
  line: number;
}

export interface CryptoMapEntry extends Phase2Policy {
  map: string;
  seq: number;
  line: number;
  method: 'ipsec-isakmp' | 'ipsec-manual' | 'dynamic';
  /** `set peer` lines, in order (the first is tried first). */
  peers: { address: string; line: number }[];
  /** `match address` ACL name and line. */
  acl: { name: string; line: number } | null;
  /** `crypto map NAME SEQ ipsec-isakmp dynamic DYN`: the dynamic map this entry applies, whose entries decide. */
  dynamicMap: string | null;
}

export interface AccessList {
  name: string;
  /** The `ip access-list` header line, or null for a numbered list (`access-list 101 ...`). */
  line: number | null;
  entries: { entry: AclEntry; line: number }[];
}

export interface InterfaceAddress {
  family: 4 | 6;
  match: AddressMatch;
  linkLocal: boolean;
  line: number;
}

export interface Tunnel {
  source: { value: string; line: number } | null;
  destination: { address: string; line: number } | null;
  /** `tunnel mode ...` as typed (`ipsec ipv6`, `gre ip`); default GRE over IPv4. */
  mode: Setting<string>;
  /** `tunnel protection ipsec profile P [shared] [ikev2-profile NAME]`. */
  protection: { profile: string; line: number; shared: boolean; ikev2Profile: string | null } | null;
}

export interface Interface {
  name: string;
  line: number;
  addresses: InterfaceAddress[];
  negotiatedAddress: boolean;
  cryptoMap: { name: string; line: number } | null;
  tunnel: Tunnel | null;
}

export interface EffectiveConfig {
  router: string | null;
  release: IosRelease;
  /** Usable policies in priority order (lowest number first). */
  policies: IsakmpPolicy[];
  keys: PreSharedKey[];
  keyrings: Keyring[];
  isakmpProfiles: IsakmpProfile[];
  identity: Setting<IdentityKind>;
  keepalive: Setting<{ seconds: number; retry: number | null; mode: 'periodic' | 'on-demand' } | null>;
  natKeepalive: Setting<number | null>;
  transformSets: TransformSet[];
  ipsecProfiles: IpsecProfile[];
  /** Entries in map then sequence order. */
  cryptoMaps: CryptoMapEntry[];
  accessLists: AccessList[];
  interfaces: Interface[];
  /** Global `crypto ipsec security-association lifetime`. */
  saLifetimeSeconds: Setting<number>;
  saLifetimeKilobytes: Setting<number>;
  /** `crypto engine compliance shield disable` seen (weak algorithms allowed again on 17.11+). */
  complianceShieldDisabled: Setting<boolean>;
  /** `no crypto ipsec transform-set default` / `no crypto ipsec profile default`: the line that removed each, else null. */
  ipsecDefaultsRemoved: { transformSet: number | null; profile: number | null };
  /** `crypto map NAME local-address INTERFACE`: IKE runs from that interface's address for the whole map. */
  mapLocalAddresses: { map: string; iface: string; line: number }[];
  /** Addresses this router owns, as far as the config shows them (interface addresses, not link-local). */
  localAddresses: { address: string; line: number }[];
  /** The `crypto ikev2 …` sections, smart defaults made explicit. */
  ikev2: Ikev2Config;
  /**
   * The first line only a Cisco ASA takes (security-appliance.ts), when the config is an ASA's: read as IOS it would
   * give verdicts on lines it did not understand, so nothing is predicted from it. Null for an IOS config.
   */
  securityAppliance: { line: number; command: string } | null;
}
