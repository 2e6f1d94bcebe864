/**
 * Which IKE version two routers' configs negotiate with: IKEv2 when either names an IKEv2 profile on the phase 2
 * source it would use (`set ikev2-profile` on an IPsec profile or crypto map entry) or has `crypto ikev2` sections
 * and no ISAKMP policy or key of its own; IKEv1 otherwise. The one place the lab and the CLI ask.
 */
import type { EffectiveConfig } from '../config/model.ts';
import { phase2Sources } from '../config/phase2-sources.ts';

function speaksIkev2(cfg: EffectiveConfig): boolean {
  if (phase2Sources(cfg).some((s) => s.policy?.ikev2Profile.value != null)) return true;
  const isakmp = cfg.keys.length > 0 || cfg.policies.some((p) => p.line !== null);
  return cfg.ikev2.configured && !isakmp;
}

export function ikeVersionOf(a: EffectiveConfig, b: EffectiveConfig): 1 | 2 {
  return speaksIkev2(a) || speaksIkev2(b) ? 2 : 1;
}
