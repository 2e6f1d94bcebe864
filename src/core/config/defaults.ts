/**
 * IOS defaults for what a crypto config leaves unsaid, and the algorithms that count as weak. The values are
 * the same on every release since 12.x; what changed is whether a weak value may still be negotiated.
 */
import type { IdentityKind, IkeAuth, IkeEncryption, IkeHash, TransformMode } from './statements.ts';

/**
 * Which IOS behaviour to assume.
 * - `classic`: IOS 12.x/15.x and IOS-XE before 17.11: weak algorithms (DES, 3DES, MD5, DH 1/2/5) are allowed.
 * - `iosxe-17.11`: IOS-XE 17.11.1 and later (Cisco field notice FN72510, CSCwc72588): weak algorithms are refused
 *   unless `crypto engine compliance shield disable` is configured, so a policy or transform set left at the
 *   DES / group 1 defaults cannot be negotiated.
 */
export type IosRelease = 'classic' | 'iosxe-17.11';

export const defaultRelease: IosRelease = 'classic';

export const releaseNames: Record<IosRelease, string> = {
  classic: 'IOS 12.x/15.x and IOS-XE before 17.11',
  'iosxe-17.11': 'IOS-XE 17.11.1 and later',
};

/** What one `crypto isakmp policy` entry sets, each value as it takes effect. */
export interface PolicyValues {
  encryption: IkeEncryption;
  keyLength: number | null;
  hash: IkeHash;
  auth: IkeAuth;
  group: number;
  lifetimeSeconds: number;
}

/** Defaults of an `crypto isakmp policy` entry (`show crypto isakmp policy`, "Default protection suite"). */
export const policyDefaults: PolicyValues = { encryption: 'des', keyLength: null, hash: 'sha', auth: 'rsa-sig', group: 1, lifetimeSeconds: 86400 };

export const ipsecDefaults: {
  mode: TransformMode;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  /** `set pfs` with no group means group 1. */
  pfsGroupWhenUnnamed: number;
  identity: IdentityKind;
  natKeepaliveSeconds: number | null;
} = { mode: 'tunnel', lifetimeSeconds: 3600, lifetimeKilobytes: 4608000, pfsGroupWhenUnnamed: 1, identity: 'address', natKeepaliveSeconds: null };

const weakPhase1 = new Set(['des', '3des', 'md5', 'group1', 'group2', 'group5']);
const weakTransforms = new Set(['esp-des', 'esp-3des', 'esp-md5-hmac', 'ah-md5-hmac', 'esp-null', 'esp-gmac']);

/** True for an encryption, hash or `groupN` that FN72510 lists as weak. */
export function isWeakPhase1(value: string): boolean {
  return weakPhase1.has(value);
}

/** True for a transform (`esp-des`, `esp-md5-hmac`...) that FN72510 lists as weak; key lengths are ignored. */
export function isWeakTransform(transform: string): boolean {
  return weakTransforms.has(transform.split(' ')[0] ?? transform);
}

/** True for a DH group that FN72510 lists as weak for PFS. */
export function isWeakGroup(group: number): boolean {
  return group === 1 || group === 2 || group === 5;
}
