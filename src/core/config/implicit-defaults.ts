import type { EffectiveConfig, Setting } from './model.ts';
import type { ParsedConfig } from './parse.ts';

/**
 * The IOS defaults a config leaves unsaid, as the lines IOS would show for them, each placed after the line of
 * the block it belongs to: what the config pane prints inline, marked as defaults.
 */
export interface ImplicitLine {
  /** The config line it follows (1-based): the last line of its block; 0 for defaults of the whole router. */
  after: number;
  /** Indented as IOS shows it under its block, e.g. ` encryption des`. */
  text: string;
  why: string;
}

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
    const after = endOf(policy.line);
    if (unsaid(policy.encryption)) lines.push({ after, text: ` encryption ${policy.encryption.value}`, why: 'default encryption of an isakmp policy' });
    if (unsaid(policy.hash)) lines.push({ after, text: ` hash ${policy.hash.value}`, why: 'default hash of an isakmp policy' });
    if (unsaid(policy.auth)) lines.push({ after, text: ` authentication ${policy.auth.value}`, why: 'default authentication of an isakmp policy' });
    if (unsaid(policy.group)) lines.push({ after, text: ` group ${policy.group.value}`, why: 'default Diffie-Hellman group of an isakmp policy' });
    if (unsaid(policy.lifetimeSeconds)) lines.push({ after, text: ` lifetime ${policy.lifetimeSeconds.value}`, why: 'default IKE SA lifetime (seconds)' });
  }
  for (const set of config.transformSets) {
    if (unsaid(set.mode)) lines.push({ after: endOf(set.line), text: ` mode ${set.mode.value}`, why: 'default encapsulation of a transform set' });
  }
  const phase2 = [...config.ipsecProfiles, ...config.cryptoMaps];
  for (const entry of phase2) {
    if (unsaid(entry.pfsGroup)) lines.push({ after: endOf(entry.line), text: ' ! no set pfs: no PFS', why: 'PFS is off unless set pfs is configured' });
    if (unsaid(entry.lifetimeSeconds)) {
      lines.push({ after: endOf(entry.line), text: ` set security-association lifetime seconds ${entry.lifetimeSeconds.value}`, why: 'global IPsec SA lifetime (seconds)' });
    }
    if (unsaid(entry.lifetimeKilobytes)) {
      lines.push({ after: endOf(entry.line), text: ` set security-association lifetime kilobytes ${entry.lifetimeKilobytes.value}`, why: 'global IPsec SA lifetime (kilobytes)' });
    }
  }
  if (unsaid(config.identity)) lines.push({ after: 0, text: `crypto isakmp identity ${config.identity.value}`, why: 'default phase 1 identity' });
  return lines;
}
