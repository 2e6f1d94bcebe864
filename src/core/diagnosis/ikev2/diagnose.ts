/** The findings of an IKEv2 negotiation: each IKEv2 rule on it, in a fixed order. */
import type { Negotiation } from '../../analysis.ts';
import type { DiagnosedFinding } from '../finding.ts';
import { cited } from './evidence.ts';
import { answerLost } from './answer-lost.ts';
import { authMethodMismatch } from './auth-method.ts';
import { certAuthFailed } from './cert-auth.ts';
import { childNotMade } from './child-not-made.ts';
import { childProposalMismatch } from './child-proposal.ts';
import { deadPeer } from './dead-peer.ts';
import { identityMismatch } from './identity-mismatch.ts';
import { invalidSpi } from './invalid-spi.ts';
import { messageWindow } from './message-window.ts';
import { natTraversal } from './nat-t.ts';
import { peerUnreachable } from './peer-unreachable.ts';
import { ikeProposalMismatch } from './proposal-mismatch.ts';
import { pskMismatch } from './psk-mismatch.ts';
import { saDeletedByPeer } from './sa-deleted.ts';
import { trafficSelectorMismatch } from './traffic-selectors.ts';
import { weakCrypto } from './weak-crypto.ts';

const RULES = [
  peerUnreachable, answerLost, pskMismatch, authMethodMismatch, certAuthFailed, identityMismatch, ikeProposalMismatch, childProposalMismatch, trafficSelectorMismatch,
  childNotMade, deadPeer, saDeletedByPeer, invalidSpi, messageWindow, natTraversal, weakCrypto,
] as const;

export function diagnoseIkev2(n: Negotiation): DiagnosedFinding[] {
  // the evidence's messages, which most rules read, gathered once for all of them
  const c = cited(n);
  const out: DiagnosedFinding[] = [];
  for (const rule of RULES) for (const f of rule(n, c)) out.push(f);
  return out;
}
