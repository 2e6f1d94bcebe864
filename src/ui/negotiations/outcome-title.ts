import type { Phase1Outcome } from '../../core/analysis.ts';

/**
 * The tooltip of a negotiation's first badge when no line of its own exchanges tells the outcome. An IKEv2 IKE SA
 * is implied only by show output (`show crypto ikev2 sa` READY, or the IPsec SAs `show crypto ipsec sa` lists);
 * an IKEv1 phase 1 by a Quick Mode, an IPsec SA or QM_IDLE, which the list does not tell apart.
 */
export function outcomeTitle(outcome: Phase1Outcome, implied: boolean, ikeVersion: 1 | 2): string | undefined {
  if (ikeVersion === 2) {
    if (implied) return 'No IKE_SA_INIT or IKE_AUTH line is in the log; show output proves the IKE SA completed';
    return outcome === 'not-logged' ? 'No line of the log says anything of the IKE SA' : undefined;
  }
  if (implied) return 'No phase 1 line is in the log; the lines after it prove phase 1 completed';
  return outcome === 'not-logged' ? 'No line of the log says anything of phase 1' : undefined;
}
