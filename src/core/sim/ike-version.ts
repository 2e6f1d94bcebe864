/**
 * Which IKE version two routers' configs negotiate with: IKEv2 when either is IKEv2 by the config's own rule
 * (config/ikev2-decide.ts `ikeVersionFor`: an IKEv2 profile on its phase 2 source, or crypto ikev2 sections and
 * no ISAKMP ones), IKEv1 otherwise. The one place the lab and the CLI ask.
 */
import { ikeVersionFor } from '../config/ikev2-decide.ts';
import type { EffectiveConfig } from '../config/model.ts';

export function ikeVersionOf(a: EffectiveConfig, b: EffectiveConfig): 1 | 2 {
  return ikeVersionFor(a, null) === 2 || ikeVersionFor(b, null) === 2 ? 2 : 1;
}
