/**
 * The IOS crypto configuration statements ikescope understands: one discriminated union, each member
 * keeping the line it came from and the line of the section it belongs to.
 */
import type { AddressMatch } from './address.ts';
import type { Ikev2AuthMethod, Ikev2Dpd, Ikev2Identity, Ikev2ProfileMatch } from './ikev2-model.ts';

export type IkeEncryption = 'des' | '3des' | 'aes';
export type IkeHash = 'md5' | 'sha' | 'sha256' | 'sha384' | 'sha512';
export type IkeAuth = 'pre-share' | 'rsa-sig' | 'rsa-encr';
export type IdentityKind = 'address' | 'hostname' | 'dn';
export type TransformMode = 'tunnel' | 'transport';

/** A peer as `crypto isakmp key` or a keyring names it: an address set or a hostname. */
export type PeerMatch = { kind: 'address'; match: AddressMatch } | { kind: 'hostname'; name: string };

/** One ACE of an extended access list; ports and options are kept in `raw`. */
export interface AclEntry {
  action: 'permit' | 'deny';
  protocol: string;
  source: AddressMatch | null;
  destination: AddressMatch | null;
}

export type StatementBody =
  | { kind: 'hostname'; name: string }
  | { kind: 'isakmp-policy'; priority: number }
  | { kind: 'policy-encryption'; algorithm: IkeEncryption; keyLength: number | null }
  | { kind: 'policy-hash'; hash: IkeHash }
  | { kind: 'policy-auth'; auth: IkeAuth }
  | { kind: 'policy-group'; group: number }
  | { kind: 'policy-lifetime'; seconds: number }
  | { kind: 'isakmp-key'; key: string; peer: PeerMatch; noXauth: boolean }
  | { kind: 'isakmp-identity'; identity: IdentityKind }
  | { kind: 'isakmp-keepalive'; seconds: number; retry: number | null; mode: 'periodic' | 'on-demand' }
  | { kind: 'isakmp-nat-keepalive'; seconds: number }
  | { kind: 'keyring'; name: string; vrf: string | null }
  | { kind: 'keyring-key'; key: string; peer: PeerMatch }
  /** A keyring's or an ISAKMP profile's `local-address A|INTERFACE`: only IKE on that address uses it. */
  | { kind: 'local-address'; value: string }
  | { kind: 'isakmp-profile'; name: string }
  | { kind: 'profile-match-identity'; identity: PeerMatch | { kind: 'fqdn'; name: string } }
  | { kind: 'profile-keyring'; name: string }
  | { kind: 'profile-self-identity'; identity: IdentityKind }
  /** `vrf NAME` in an ISAKMP profile: the VRF its IPsec SAs' traffic is in (the inside VRF). */
  | { kind: 'profile-vrf'; vrf: string }
  /** `keepalive N retry R` in an ISAKMP profile (its DPD), or `no keepalive` (none). */
  | { kind: 'profile-keepalive'; seconds: number | null; retry: number | null }
  /** `initiate mode aggressive`: this profile's phase 1 starts in Aggressive Mode. */
  | { kind: 'profile-initiate-aggressive' }
  /** `ca trust-point NAME`: the trustpoint the profile's certificates are checked with. */
  | { kind: 'profile-trustpoint'; name: string }
  | { kind: 'transform-set'; name: string; transforms: string[] }
  | { kind: 'transform-mode'; mode: TransformMode; require: boolean }
  | { kind: 'ipsec-profile'; name: string }
  | { kind: 'crypto-map'; name: string; seq: number; method: 'ipsec-isakmp' | 'ipsec-manual' | 'dynamic'; dynamicMap: string | null }
  | { kind: 'set-peer'; address: string }
  | { kind: 'set-transform-set'; names: string[] }
  | { kind: 'set-pfs'; group: number; explicit: boolean }
  | { kind: 'set-sa-lifetime'; seconds: number | null; kilobytes: number | null }
  | { kind: 'set-isakmp-profile'; name: string }
  | { kind: 'match-address'; acl: string }
  | { kind: 'map-local-address'; map: string; iface: string }
  | { kind: 'global-sa-lifetime'; seconds: number | null; kilobytes: number | null }
  | { kind: 'compliance-shield'; enabled: boolean }
  | { kind: 'access-list'; name: string; numbered: boolean; family: 4 | 6 }
  | { kind: 'acl-entry'; acl: string; entry: AclEntry }
  | { kind: 'acl-remark' }
  | { kind: 'interface'; name: string }
  | { kind: 'if-address'; family: 4 | 6; match: AddressMatch | null; linkLocal: boolean; negotiated: boolean }
  | { kind: 'if-crypto-map'; map: string; remove: boolean }
  | { kind: 'tunnel-source'; value: string }
  | { kind: 'tunnel-destination'; address: string }
  | { kind: 'tunnel-mode'; mode: string }
  | { kind: 'tunnel-protection'; profile: string; shared: boolean; ikev2Profile: string | null }
  | { kind: 'set-ikev2-profile'; name: string }
  /** `no crypto ipsec transform-set|profile default`: IOS's default transform set or IPsec profile removed. */
  | { kind: 'ipsec-default-removed'; of: 'transform-set' | 'profile' }
  | Ikev2StatementBody
  | { kind: 'exit' };

/** The `crypto ikev2 …` sections and their sub-commands (ikev2-statement-parser.ts reads them). */
export type Ikev2StatementBody =
  | { kind: 'ikev2-proposal'; name: string }
  | { kind: 'ikev2-proposal-algorithms'; keyword: 'encryption' | 'integrity' | 'prf'; algorithms: string[] }
  | { kind: 'ikev2-proposal-group'; groups: number[] }
  | { kind: 'ikev2-policy'; name: string }
  | { kind: 'ikev2-policy-proposal'; name: string }
  | { kind: 'ikev2-match-local-address'; address: string }
  | { kind: 'ikev2-policy-fvrf'; vrf: string | null }
  | { kind: 'ikev2-keyring'; name: string }
  | { kind: 'ikev2-keyring-peer'; name: string }
  | { kind: 'ikev2-peer-address'; match: AddressMatch }
  | { kind: 'ikev2-peer-hostname'; name: string }
  | { kind: 'ikev2-peer-identity'; identity: Ikev2Identity }
  | { kind: 'ikev2-peer-key'; side: 'both' | 'local' | 'remote'; key: string }
  | { kind: 'ikev2-profile'; name: string }
  | { kind: 'ikev2-profile-match-identity'; match: Omit<Ikev2ProfileMatch, 'line'> }
  | { kind: 'ikev2-profile-identity-local'; identity: Ikev2Identity }
  | { kind: 'ikev2-profile-auth'; side: 'local' | 'remote'; method: Ikev2AuthMethod; key: string | null }
  | { kind: 'ikev2-profile-keyring'; source: 'local' | 'aaa'; name: string }
  | { kind: 'ikev2-profile-trustpoint'; name: string }
  | { kind: 'ikev2-profile-lifetime'; seconds: number }
  | { kind: 'ikev2-profile-dpd'; dpd: Ikev2Dpd }
  | { kind: 'ikev2-profile-virtual-template'; number: number }
  | { kind: 'ikev2-profile-fvrf'; vrf: string }
  | { kind: 'ikev2-global-dpd'; dpd: Ikev2Dpd }
  | { kind: 'ikev2-authorization-policy'; name: string }
  | { kind: 'ikev2-client'; name: string }
  /** A command IOS takes there that decides nothing the model reads (AAA, config exchange, limits…): kept as typed. */
  | { kind: 'ikev2-option'; words: string }
  /** `no crypto ikev2 proposal|policy default`: the smart default proposal or policy removed. */
  | { kind: 'ikev2-default-removed'; of: 'proposal' | 'policy' };

export type StatementKind = StatementBody['kind'];

/** A statement as found: its body, its 1-based line, the router it belongs to, the line of its section header. */
export type ConfigStatement = StatementBody & {
  line: number;
  router: string | null;
  section: number | null;
};

/** True for a statement of the `crypto ikev2 …` sections. */
export function isIkev2Statement(s: ConfigStatement): s is Ikev2StatementBody & { line: number; router: string | null; section: number | null } {
  return s.kind.startsWith('ikev2-');
}
