/**
 * What each simulated IKEv2 router decides from its effective configuration, through the decisions the check
 * makes too (config/ikev2-decide.ts: policy by local address, proposal choice, profile by identity, identity
 * sent, keyring keys; config/phase2-check.ts: mirrored crypto ACLs): the offer of one router, the phase 2 source
 * IKEv2 runs by, and the child SA's transform set and traffic selectors.
 */
import { childTransformSets, initiatingProfile, policyFor, proposalsOf } from '../../config/ikev2-decide.ts';
import type { Ikev2Profile, Ikev2Proposal } from '../../config/ikev2-model.ts';
import type { AccessList, EffectiveConfig } from '../../config/model.ts';
import { mirrored } from '../../config/phase2-check.ts';
import { isVti, phase2Sources, type Phase2Source } from '../../config/phase2-sources.ts';

export interface Ikev2Offer {
  /** The policy for the local address; null when every configured policy names other local addresses. */
  policy: string | null;
  /** The smart default policy (IOS: `Using the Default Policy for Proposal`). */
  viaDefault: boolean;
  proposals: Ikev2Proposal[];
}

/** The proposals a router offers (as initiator) or accepts (as responder) on its local address. */
export function ikeOffer(cfg: EffectiveConfig, local: string): Ikev2Offer {
  const policy = policyFor(cfg, local);
  return { policy: policy?.name ?? null, viaDefault: policy !== null && policy.line === null, proposals: proposalsOf(cfg, policy) };
}

/** The phase 2 source IKEv2 negotiates by with `peer`: one with `set ikev2-profile` first. */
export function ikev2Source(cfg: EffectiveConfig, peer: string): Phase2Source | null {
  const sources = phase2Sources(cfg, peer);
  return sources.find((s) => s.policy?.ikev2Profile.value != null) ?? sources[0] ?? null;
}

/** The IKEv2 profile a router initiates with toward `peer`: the one its source's `set ikev2-profile` names. */
export function initiatorProfile(cfg: EffectiveConfig, peer: string): Ikev2Profile | null {
  return initiatingProfile(cfg, ikev2Source(cfg, peer));
}

/** The keyring a profile takes its keys from (`keyring local NAME`), for the lines that name it. */
export function keyringOf(profile: Ikev2Profile | null): string | null {
  const ring = profile?.keyring.value;
  return ring?.kind === 'local' ? ring.name : null;
}

export interface ChildOffer {
  transformSets: { name: string; transforms: string[]; mode: 'tunnel' | 'transport' }[];
  /** A VTI (traffic selectors any/any), or a crypto map entry's ACL. */
  selectors: { kind: 'tunnel' } | { kind: 'acl'; acl: AccessList | null };
  lifetimeSeconds: number;
}

/** The child SA a router proposes to (or accepts from) `peer`: its source's transform sets (childTransformSets) and selectors. */
export function childOffer(cfg: EffectiveConfig, peer: string): ChildOffer | null {
  const source = ikev2Source(cfg, peer);
  if (source === null) return null;
  const tunnelOnly = source.kind === 'tunnel' && isVti(source.iface);
  // the check's offer: the named sets, else IOS's default one (unless the config removed it)
  const transformSets = childTransformSets(cfg, source).map((t) => ({ name: t.name, transforms: t.transforms, mode: tunnelOnly ? 'tunnel' : t.mode.value }) as const);
  const selectors = source.kind === 'tunnel' ? ({ kind: 'tunnel' } as const) : ({ kind: 'acl', acl: source.acl } as const);
  return { transformSets, selectors, lifetimeSeconds: source.policy?.lifetimeSeconds.value ?? cfg.saLifetimeSeconds.value };
}

export type ChildRefusal = 'NO_PROPOSAL_CHOSEN' | 'TS_UNACCEPTABLE';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The responder's answer to the child SA: the transform set it accepts, or why it refuses (transforms first). */
export function chooseChild(offer: ChildOffer, accepted: ChildOffer): { transformSet: string | null; refusal: ChildRefusal | null } {
  const set = offer.transformSets.find((o) => accepted.transformSets.some((a) => sameSet(o.transforms, a.transforms) && o.mode === a.mode));
  if (set === undefined) return { transformSet: null, refusal: 'NO_PROPOSAL_CHOSEN' };
  const a = offer.selectors;
  const b = accepted.selectors;
  // two VTIs select any/any; two crypto maps must mirror each other's ACL; a VTI against a crypto map does not fit
  const fits = a.kind === 'tunnel' ? b.kind === 'tunnel' : b.kind === 'acl' && mirrored(a.acl, b.acl).ok;
  return { transformSet: set.name, refusal: fits ? null : 'TS_UNACCEPTABLE' };
}
