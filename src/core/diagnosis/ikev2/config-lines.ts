/**
 * The config lines an IKEv2 finding points at, when configs were given: with both routers' configs, the lines
 * the compatibility check names for the same code (it reads the two configs as the routers would); with one,
 * the lines of that router's config that decide what the finding is about (ikev2-relations.ts).
 */
import type { LineRef } from '../../ike/line-ref.ts';
import type { FindingCode, Negotiation } from '../../analysis.ts';
import type { SideConfigs } from '../../attach-config.ts';
import { checkable, checkCompatibility } from '../../config/compatibility.ts';
import { ikev2ConfigRelations } from '../../config/ikev2-relations.ts';
import { decidingOf, type ConfigAttribute } from '../../config/relations.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import { otherSide } from '../../ike/sides.ts';
import type { DiagnosedFinding } from '../finding.ts';

/** What a finding is about, as the exchange and attributes whose lines decide it. */
const about = new Map<FindingCode, { message: Ikev2MessageName; attributes: readonly ConfigAttribute[] }>([
  ['P1_POLICY_MISMATCH', { message: 'IKE_SA_INIT', attributes: ['encryption', 'hash', 'group'] }],
  ['WEAK_CRYPTO', { message: 'IKE_SA_INIT', attributes: ['encryption', 'hash', 'group'] }],
  ['PSK_MISMATCH', { message: 'IKE_AUTH', attributes: ['psk'] }],
  ['NO_PSK', { message: 'IKE_AUTH', attributes: ['psk'] }],
  ['AUTH_METHOD_MISMATCH', { message: 'IKE_AUTH', attributes: ['auth'] }],
  ['CERT_AUTH_FAILED', { message: 'IKE_AUTH', attributes: ['auth'] }],
  ['IDENTITY_MISMATCH', { message: 'IKE_AUTH', attributes: ['identity'] }],
  ['P2_TRANSFORM_MISMATCH', { message: 'IKE_AUTH', attributes: ['transform'] }],
  ['P2_PROXY_MISMATCH', { message: 'IKE_AUTH', attributes: ['proxies'] }],
  ['PEER_UNREACHABLE', { message: 'IKE_SA_INIT', attributes: ['tunnel', 'keepalive'] }],
]);

function oneRouter(finding: DiagnosedFinding, negotiation: Negotiation, sides: SideConfigs): LineRef[] {
  const topic = about.get(finding.code);
  if (!topic) return [];
  const out: LineRef[] = [];
  const seen = new Set<string>();
  for (const side of ['initiator', 'responder'] as const) {
    const attached = sides[side];
    if (!attached) continue;
    const peer = negotiation.routers[otherSide(side)].address;
    for (const attribute of topic.attributes) {
      for (const line of decidingOf(ikev2ConfigRelations(attached.config, { message: topic.message, attribute, peer })).lines) {
        const key = `${attached.file}:${line}`;
        if (!seen.has(key)) out.push({ file: attached.file, line });
        seen.add(key);
      }
    }
  }
  return out;
}

/** The findings with the config lines they point at; unchanged when no config was given. */
export function withIkev2ConfigLines(findings: readonly DiagnosedFinding[], negotiation: Negotiation, sides: SideConfigs): DiagnosedFinding[] {
  const { initiator, responder } = sides;
  if (!initiator && !responder) return [...findings];
  const checked = initiator && responder && checkable(initiator.config, responder.config) ? checkCompatibility(initiator.config, responder.config, { files: [initiator.file, responder.file] }).findings : [];
  return findings.map((f) => {
    if (f.configLines !== undefined && f.configLines.length > 0) return f;
    const check = checked.find((c) => c.code === f.code && c.severity === 'error') ?? checked.find((c) => c.code === f.code);
    const lines = check ? check.lines : oneRouter(f, negotiation, sides);
    return lines.length > 0 ? { ...f, configLines: lines } : f;
  });
}
