/**
 * IOS's IKEv2 smart defaults: what a router uses when its config names no proposal, policy, transform set or
 * IPsec profile of its own, as `show crypto ikev2 proposal default` and `show crypto ipsec transform-set default`
 * print them. The default proposal changed between releases: IOS 15.x prints the older list (a lab's 15.x router,
 * code corpus), IOS-XE 17 the newer one without 3DES, MD5 and DH 2 (an SD-WAN 17.x router's output).
 */
import type { IosRelease } from './defaults.ts';

export interface Ikev2ProposalValues {
  encryption: string[];
  integrity: string[];
  prf: string[];
  groups: number[];
}

const olderDefaultProposal: Ikev2ProposalValues = {
  encryption: ['aes-cbc-256', 'aes-cbc-192', 'aes-cbc-128'],
  integrity: ['sha512', 'sha384', 'sha256', 'sha1', 'md5'],
  prf: ['sha512', 'sha384', 'sha256', 'sha1', 'md5'],
  groups: [5, 2],
};

const newerDefaultProposal: Ikev2ProposalValues = {
  encryption: ['aes-cbc-256'],
  integrity: ['sha512', 'sha384'],
  prf: ['sha512', 'sha384'],
  groups: [19, 14, 21, 5],
};

/** The smart default proposal `default` of a release. */
export function defaultIkev2Proposal(release: IosRelease): Ikev2ProposalValues {
  return release === 'iosxe-17.11' ? newerDefaultProposal : olderDefaultProposal;
}

export const ikev2Defaults = {
  /** `lifetime` of an IKEv2 profile (seconds). */
  lifetimeSeconds: 86400,
  /** The default transform set's transforms and mode (`Transform set default: { esp-aes esp-sha-hmac }`). */
  transformSet: { name: 'default', transforms: ['esp-aes', 'esp-sha-hmac'], mode: 'transport' as const },
  /** The default IPsec profile: the default transform set, the IKEv2 profile named `default` when one is configured. */
  ipsecProfile: { name: 'default', ikev2Profile: 'default' },
} as const;
