/** The findings of an IKEv2 negotiation: each IKEv2 rule on it, in a fixed order. */
import type { Negotiation } from '../../analysis.ts';
import type { DiagnosedFinding } from '../finding.ts';
import { childProposalMismatch } from './child-proposal.ts';
import { peerUnreachable } from './peer-unreachable.ts';
import { ikeProposalMismatch } from './proposal-mismatch.ts';
import { pskMismatch } from './psk-mismatch.ts';
import { trafficSelectorMismatch } from './traffic-selectors.ts';

const RULES = [peerUnreachable, pskMismatch, ikeProposalMismatch, childProposalMismatch, trafficSelectorMismatch] as const;

export function diagnoseIkev2(n: Negotiation): DiagnosedFinding[] {
  return RULES.flatMap((rule) => rule(n));
}
