/**
 * The effective IKEv2 configuration of one router (FlexVPN's `crypto ikev2 …` sections), with IOS's smart
 * defaults made explicit: what it offers in IKE_SA_INIT, how it authenticates in IKE_AUTH and with which key,
 * which profile a peer's identity selects. Plain data, read by the relations, the check and the simulation.
 */
import type { Setting } from './setting.ts';
import type { AddressMatch } from './address.ts';

/** An IKEv2 identity as `identity local` sets it and `match identity remote` / a keyring peer matches it. */
export type Ikev2IdentityKind = 'address' | 'fqdn' | 'email' | 'key-id' | 'dn';

export interface Ikev2Identity {
  kind: Ikev2IdentityKind;
  /** As typed, an address normalized; a `dn` identity has none (the certificate's subject). */
  value: string;
}

/** `pre-share`, `rsa-sig`, `ecdsa-sig` or `eap`, as `authentication local|remote` names them. */
export type Ikev2AuthMethod = 'pre-share' | 'rsa-sig' | 'ecdsa-sig' | 'eap';

/**
 * `crypto ikev2 proposal NAME`: each keyword a list in the order typed (IOS offers them in that order).
 * Algorithm names are IOS's keywords: `aes-cbc-256`, `aes-gcm-128`, `3des`; `sha256`, `sha1`, `md5`; groups by number.
 * The smart default proposal (`default`) has `line` null and every setting `isDefault`.
 */
export interface Ikev2Proposal {
  name: string;
  line: number | null;
  encryption: Setting<string[]>;
  integrity: Setting<string[]>;
  /** PRF: IOS takes the integrity algorithms when none is configured (an AEAD proposal must set it). */
  prf: Setting<string[]>;
  groups: Setting<number[]>;
  /** Why this proposal cannot be negotiated (incomplete, or refused by the release), or null. */
  refused: string | null;
}

/** `crypto ikev2 policy NAME`: which proposals an IKE SA may use, for which local address and front-door VRF. */
export interface Ikev2Policy {
  name: string;
  line: number | null;
  /** Proposal names in order, each with its line; the default policy names `default`. */
  proposals: { name: string; line: number | null }[];
  /** `match address local A`: the policy applies only to IKE SAs on these local addresses (none: any). */
  localAddresses: { address: string; line: number }[];
  /** `match fvrf NAME|any`; null: the global routing table. */
  fvrf: Setting<string | null>;
}

/** A `peer` block of a `crypto ikev2 keyring`. */
export interface Ikev2KeyringPeer {
  name: string;
  line: number;
  address: { match: AddressMatch; line: number } | null;
  hostname: { name: string; line: number } | null;
  identity: { identity: Ikev2Identity; line: number } | null;
  /** `pre-shared-key KEY` sets both; `pre-shared-key local|remote KEY` one of them. */
  localKey: { key: string; line: number } | null;
  remoteKey: { key: string; line: number } | null;
}

export interface Ikev2Keyring {
  name: string;
  line: number;
  peers: Ikev2KeyringPeer[];
}

/** One `match identity remote …` (or `match address local …`) line of an IKEv2 profile. */
export interface Ikev2ProfileMatch {
  /** `any` matches every peer; `fqdn domain`/`email domain` a suffix. */
  kind: Ikev2IdentityKind | 'any';
  value: string;
  /** `address`: the address set it matches; null for every other kind. */
  match: AddressMatch | null;
  domain: boolean;
  line: number;
}

export interface Ikev2Dpd {
  intervalSeconds: number;
  retrySeconds: number;
  mode: 'periodic' | 'on-demand';
}

/** `crypto ikev2 profile NAME`: the peer it is for, how each side authenticates, with which keys. */
export interface Ikev2Profile {
  name: string;
  line: number;
  matches: Ikev2ProfileMatch[];
  localAddresses: { address: string; line: number }[];
  /** `identity local …`; by default the address IKE runs from. */
  localIdentity: Setting<Ikev2Identity | null>;
  /** `authentication local METHOD [key KEY]`: the method this router proves itself with. */
  localAuth: Setting<Ikev2AuthMethod | null>;
  /** `authentication remote METHOD`: the methods it accepts from the peer (several lines allowed). */
  remoteAuth: Setting<Ikev2AuthMethod[]>;
  /** A key typed on the `authentication local|remote pre-share key KEY` line itself. */
  inlineKeys: { side: 'local' | 'remote'; key: string; line: number }[];
  /** `keyring local NAME`; `aaa` when the keys come from AAA (not modelled). */
  keyring: Setting<{ kind: 'local'; name: string } | { kind: 'aaa'; name: string } | null>;
  /** `pki trustpoint NAME` for certificate authentication. */
  trustpoints: { name: string; line: number }[];
  lifetimeSeconds: Setting<number>;
  dpd: Setting<Ikev2Dpd | null>;
  /** `virtual-template N`: a FlexVPN hub clones a virtual access interface per peer from it. */
  virtualTemplate: { number: number; line: number } | null;
  /** `match fvrf NAME|any`: the front-door VRF the profile applies to; null: the global table. */
  fvrf: Setting<string | null>;
  /** Commands of the profile that decide nothing the model reads (AAA, config exchange, NAT), as typed. */
  options: { words: string; line: number }[];
}

export interface Ikev2Config {
  /** Whether any `crypto ikev2` line was configured (else every entry below is a smart default). */
  configured: boolean;
  /** Configured proposals in the order typed, then the smart default `default` (line null) unless redefined or removed. */
  proposals: Ikev2Proposal[];
  /** Configured policies in the order typed; the smart default `default` (line null) when none is configured, unless removed. */
  policies: Ikev2Policy[];
  keyrings: Ikev2Keyring[];
  profiles: Ikev2Profile[];
  /** `crypto ikev2 dpd I R on-demand|periodic`: the DPD of every profile that sets none. */
  globalDpd: Setting<Ikev2Dpd | null>;
  /** `crypto ikev2 authorization policy NAME` blocks (what a FlexVPN server pushes), and global commands kept as typed. */
  authorizationPolicies: { name: string; line: number }[];
  options: { words: string; line: number }[];
}
