import type { EffectiveConfig, Setting } from './model.ts';
import type { ParsedConfig } from './parse.ts';
import type { ImplicitLine } from './implicit-line.ts';
import { ikev2ImplicitDefaults } from './ikev2-implicit-defaults.ts';

export { implicitLineKey, type ImplicitLine } from './implicit-line.ts';

const unsaid = <T>(setting: Setting<T>) => setting.isDefault;

/** The last line of each section, by the line of its header: where a block's unsaid defaults belong. */
function sectionEnds(parsed: ParsedConfig): Map<number, number> {
  const ends = new Map<number, number>();
  for (const statement of parsed.statements) {
    const header = statement.section ?? statement.line;
    ends.set(header, Math.max(ends.get(header) ?? header, statement.line));
  }
  return ends;
}

export function implicitDefaults(config: EffectiveConfig, parsed: ParsedConfig): ImplicitLine[] {
  const ends = sectionEnds(parsed);
  const lines: ImplicitLine[] = [];
  // Each default goes after the last line of the block it belongs to.
  const endOf = (header: number) => ends.get(header) ?? header;
  for (const policy of config.policies) {
    if (policy.line === null) continue;
    const block = policy.line;
    const after = endOf(block);
    if (unsaid(policy.encryption)) lines.push({ after, block, attribute: 'encryption', text: ` encryption ${policy.encryption.value}`, why: 'default encryption of an isakmp policy' });
    if (unsaid(policy.hash)) lines.push({ after, block, attribute: 'hash', text: ` hash ${policy.hash.value}`, why: 'default hash of an isakmp policy' });
    if (unsaid(policy.auth)) lines.push({ after, block, attribute: 'auth', text: ` authentication ${policy.auth.value}`, why: 'default authentication of an isakmp policy' });
    if (unsaid(policy.group)) lines.push({ after, block, attribute: 'group', text: ` group ${policy.group.value}`, why: 'default Diffie-Hellman group of an isakmp policy' });
    if (unsaid(policy.lifetimeSeconds)) lines.push({ after, block, attribute: 'lifetime', text: ` lifetime ${policy.lifetimeSeconds.value}`, why: 'default IKE SA lifetime (seconds)' });
  }
  for (const set of config.transformSets) {
    if (unsaid(set.mode)) lines.push({ after: endOf(set.line), block: set.line, attribute: 'encapsulation', text: ` mode ${set.mode.value}`, why: 'default encapsulation of a transform set' });
  }
  const phase2 = [...config.ipsecProfiles, ...config.cryptoMaps];
  // `crypto map M 100 ipsec-isakmp dynamic D` sets nothing of its own: D's entries have the defaults.
  const applies = (entry: (typeof phase2)[number]) => 'dynamicMap' in entry && entry.dynamicMap !== null && config.cryptoMaps.some((e) => e.method === 'dynamic' && e.map === entry.dynamicMap);
  for (const entry of phase2) {
    if (applies(entry)) continue;
    if (unsaid(entry.pfsGroup)) lines.push({ after: endOf(entry.line), block: entry.line, attribute: 'pfs', text: ' ! no set pfs: no PFS', why: 'PFS is off unless set pfs is configured' });
    if (unsaid(entry.lifetimeSeconds)) {
      lines.push({ after: endOf(entry.line), block: entry.line, attribute: 'sa-lifetime', text: ` set security-association lifetime seconds ${entry.lifetimeSeconds.value}`, why: 'global IPsec SA lifetime (seconds)' });
    }
    if (unsaid(entry.lifetimeKilobytes)) {
      lines.push({ after: endOf(entry.line), block: entry.line, attribute: 'sa-lifetime', text: ` set security-association lifetime kilobytes ${entry.lifetimeKilobytes.value}`, why: 'global IPsec SA lifetime (kilobytes)' });
    }
  }
  const usesIkev2 = phase2.some((entry) => entry.ikev2Profile.value !== null);
  // An IKEv2-only router (FlexVPN) has no IKEv1 identity to default.
  const ikev2Only = (config.ikev2.configured || usesIkev2) && !config.policies.some((p) => p.line !== null) && config.keys.length === 0 && phase2.every((entry) => entry.ikev2Profile.value !== null);
  if (unsaid(config.identity) && !ikev2Only) lines.push({ after: 0, block: 0, attribute: 'identity', text: `crypto isakmp identity ${config.identity.value}`, why: 'default phase 1 identity' });
  for (const line of ikev2ImplicitDefaults(config.ikev2, usesIkev2, endOf)) lines.push(line);
  return lines;
}
