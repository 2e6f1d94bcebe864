/**
 * Lines only a Cisco ASA (or FTD) takes. The ASA's crypto commands share names with IOS's (`crypto ikev2 policy
 * 10`, `crypto ipsec profile`, `tunnel protection`) but not their meaning: its IKEv2 policy holds the algorithms
 * IOS keeps in a proposal, its keys live in a `tunnel-group`, its child SA in an `ipsec-proposal`. ikescope reads
 * IOS and IOS-XE; an ASA's config is told as such, never read as a half-understood IOS one.
 */

/**
 * Each ASA-only command (as the lexer cleaned it, so anchored at its first word), what it sets, and whether it is
 * one of the ASA's IKE and IPsec commands (the lint tells those) or only an interface's, a sign of the ASA.
 */
const asaCommands: readonly [RegExp, string, 'crypto' | 'sign'][] = [
  [/^crypto ikev[12] enable\b/i, 'IKE on an interface, named by its nameif', 'crypto'],
  [/^crypto ikev2 notify\b/i, 'which notifies the ASA sends', 'crypto'],
  [/^crypto ikev1 policy\b/i, "an IKEv1 policy, the ASA's isakmp policy", 'crypto'],
  [/^crypto ipsec ikev[12] (?:ipsec-proposal|transform-set)\b/i, "the child SA's algorithms", 'crypto'],
  [/^crypto (?:dynamic-)?map \S+ \d+ (?:set|match)\b/i, 'a crypto map entry on one line', 'crypto'],
  [/^crypto map \S+ interface\b/i, 'the interface a crypto map is applied to', 'crypto'],
  [/^(?:crypto ipsec |set )security-association lifetime kilobytes unlimited\b/i, 'no volume limit on the SAs', 'crypto'],
  [/^tunnel-group(?:-map)?\b/i, "a peer's tunnel group: its keys, identity and policy", 'crypto'],
  [/^group-policy\b/i, 'a group policy of tunnel groups', 'crypto'],
  [/^ikev[12] (?:remote-authentication|local-authentication|pre-shared-key)\b/i, "a tunnel group's authentication", 'crypto'],
  [/^(?:default-group-policy|vpn-tunnel-protocol|peer-id-validate)\b/i, "a tunnel group's or group policy's attribute", 'crypto'],
  [/^isakmp keepalive threshold\b/i, "a tunnel group's dead peer detection", 'crypto'],
  [/^protocol esp (?:encryption|integrity)\b/i, "an IPsec proposal's algorithms", 'crypto'],
  [/^set ikev[12] (?:ipsec-proposal|transform-set|phase1-mode)\b/i, 'the proposals an IPsec profile or map entry offers', 'crypto'],
  [/^nameif\b/i, "an interface's name, which the ASA's crypto commands use", 'sign'],
  [/^security-level\b/i, "an interface's security level", 'sign'],
  [/^ASA Version\b/i, "the ASA's release, the first line of its running-config", 'sign'],
];

/**
 * IOS's `crypto ikev2 policy` names proposals and matches; these keywords under it are the ASA's, whose policy
 * carries the algorithms itself (`encryption aes-256`, `prf sha`, `lifetime seconds 86400`).
 */
const asaPolicyKeyword = /^(?:encryption|integrity|group|prf|lifetime seconds)\b/i;

export interface AsaCommand {
  sets: string;
  /** One of the ASA's IKE and IPsec commands; else only a sign of the ASA (`nameif`). */
  crypto: boolean;
}

/** What an ASA-only line sets, or null when IOS could take the line (`section`: the IOS section it was typed in). */
export function asaOnlyCommand(command: string, section: string | null): AsaCommand | null {
  const text = command.trim();
  if (section === 'ikev2-policy' && asaPolicyKeyword.test(text)) return { sets: "the algorithms of the ASA's IKEv2 policy, which IOS keeps in a proposal", crypto: true };
  for (const [pattern, sets, kind] of asaCommands) if (pattern.test(text)) return { sets, crypto: kind === 'crypto' };
  return null;
}

/** The first of `lines` only an ASA takes (one of its crypto commands before a mere sign), or null: IOS could take them all. */
export function firstAsaLine<L extends { line: number; command: string; section: string | null; kind: string }>(lines: readonly L[]): L | null {
  let sign: L | null = null;
  for (const l of lines) {
    const asa = l.kind === 'unrecognized' ? asaOnlyCommand(l.command, l.section) : null;
    if (asa?.crypto) return l;
    if (asa && !sign) sign = l;
  }
  return sign;
}
