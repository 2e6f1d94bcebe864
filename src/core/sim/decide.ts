/**
 * The responder's decisions, as IOS makes them: which phase 1 policy matches an offer, and whether a
 * Quick Mode offer (transform set, proxy identities, PFS group) is accepted.
 */
import { containsMatch, type AddressMatch } from '../config/address.ts';
import type { Phase1Proposal, Phase2Offer } from './offers.ts';

/** Which attribute made IOS print `... offered does not match policy!`. */
export type Phase1Mismatch = 'encryption' | 'keyLength' | 'hash' | 'group' | 'auth';

export interface PolicyCheck {
  /** The initiator's proposal, numbered from 1 as IOS prints `Checking ISAKMP transform N`. */
  transform: number;
  offered: Phase1Proposal;
  local: Phase1Proposal;
  mismatch: Phase1Mismatch | null;
}

export interface Phase1Choice {
  checks: PolicyCheck[];
  chosen: PolicyCheck | null;
  /** The lifetime both use: the lower of the two (IOS prints `Acceptable atts:actual life`). */
  lifetimeSeconds: number | null;
}

function mismatchOf(offered: Phase1Proposal, local: Phase1Proposal, hasKey: boolean): Phase1Mismatch | null {
  if (offered.encryption !== local.encryption) return 'encryption';
  if (offered.keyLength !== local.keyLength) return 'keyLength';
  if (offered.hash !== local.hash) return 'hash';
  if (offered.group !== local.group) return 'group';
  // A pre-share policy is only acceptable when a key for the peer exists.
  if (offered.auth !== local.auth || (local.auth === 'pre-share' && !hasKey)) return 'auth';
  return null;
}

/**
 * IOS walks its own policies in priority order and, for each, the offered transforms in order; the
 * first match wins. `hasKey`: whether the responder has a pre-shared key for this peer.
 */
export function choosePhase1(offered: readonly Phase1Proposal[], local: readonly Phase1Proposal[], hasKey: boolean): Phase1Choice {
  const checks: PolicyCheck[] = [];
  for (const policy of local) {
    for (const [i, proposal] of offered.entries()) {
      const check: PolicyCheck = { transform: i + 1, offered: proposal, local: policy, mismatch: mismatchOf(proposal, policy, hasKey) };
      checks.push(check);
      if (check.mismatch === null) {
        return { checks, chosen: check, lifetimeSeconds: Math.min(proposal.lifetimeSeconds, policy.lifetimeSeconds) };
      }
    }
  }
  return { checks, chosen: null, lifetimeSeconds: null };
}

export type Phase2Refusal = 'no-policy' | 'proxy' | 'transform' | 'pfs';

export interface Phase2Choice {
  accepted: { transformSet: string; transforms: string[]; mode: Phase2Offer['transformSets'][number]['mode']; pfsGroup: number | null } | null;
  refusal: Phase2Refusal | null;
}

function canonical(transforms: readonly string[]): string {
  return [...transforms].map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim()).sort().join(',');
}

/** `outer` (null: any) covers `inner` (null: any). */
function covers(outer: AddressMatch | null, inner: AddressMatch | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return containsMatch(outer, inner);
}

/**
 * The responder's check of QM1. Proxies must mirror its own crypto ACL; one offered transform set must
 * equal one of its sets, mode included; when the responder sets PFS the offer must carry the same group
 * (a responder without `set pfs` accepts the initiator's group).
 */
export function choosePhase2(offer: Phase2Offer, responder: Phase2Offer | null): Phase2Choice {
  if (responder === null) return { accepted: null, refusal: 'no-policy' };
  if (!covers(responder.localProxy, offer.remoteProxy) || !covers(responder.remoteProxy, offer.localProxy)) {
    return { accepted: null, refusal: 'proxy' };
  }
  const match = offer.transformSets.find((o) =>
    responder.transformSets.some((r) => canonical(r.transforms) === canonical(o.transforms) && r.mode === o.mode),
  );
  if (!match) return { accepted: null, refusal: 'transform' };
  if (responder.pfsGroup !== null && responder.pfsGroup !== offer.pfsGroup) return { accepted: null, refusal: 'pfs' };
  return {
    accepted: { transformSet: match.name, transforms: match.transforms, mode: match.mode, pfsGroup: offer.pfsGroup },
    refusal: null,
  };
}
