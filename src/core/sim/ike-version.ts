/**
 * Which IKE version a simulated negotiation runs: the initiator's, by the config's own rule
 * (config/ikev2-decide.ts `ikeVersionFor`: an IKEv2 profile on its phase 2 source for the peer, or crypto ikev2
 * sections and no ISAKMP ones). The initiator chooses what it sends; a responder set up for the other version
 * answers as its config makes it (IOS's smart defaults answer IKE_SA_INIT, but no IKEv2 profile takes the peer).
 * The one place the lab and the CLI ask.
 */
import { ikeVersionFor } from '../config/ikev2-decide.ts';
import type { EffectiveConfig } from '../config/model.ts';

export function ikeVersionOf(initiator: EffectiveConfig, responderAddress: string | null): 1 | 2 {
  return ikeVersionFor(initiator, responderAddress);
}
