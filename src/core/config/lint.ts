import { parseConfig } from './parse.ts';
import { endHidden } from './scrolled-line.ts';
import { acceptedPolicyValues } from './statement-parser.ts';
import { policyDefaults } from './defaults.ts';
import { ikev2Algorithms } from './ikev2-statement-parser.ts';
import { asaOnlyCommand } from './security-appliance.ts';

/** A config line the model cannot read, with what it would accept instead. */
export interface ConfigLint {
  /** 1-based line number. */
  line: number;
  message: string;
  /**
   * `problem`: the line sets nothing the user meant it to (a typo, a command not understood, a line IOS cut);
   * `note`: it is read another way than typed, or left aside on purpose, and needs no change.
   */
  kind: 'problem' | 'note';
}

/** The short forms IOS takes for the policy keywords. */
const keywordAliases: ReadonlyMap<string, string> = new Map([
  ['encr', 'encryption'],
  ['auth', 'authentication'],
]);

/** IOS's default of each policy keyword the lint names the accepted values of, as the model writes it. */
const keywordDefaults: ReadonlyMap<string, string> = new Map([
  ['encryption', policyDefaults.encryption],
  ['hash', policyDefaults.hash],
  ['authentication', policyDefaults.auth],
  ['group', String(policyDefaults.group)],
  ['lifetime', String(policyDefaults.lifetimeSeconds)],
]);

/** What an IKEv2 proposal's keywords accept, and what leaving one unset means. */
const proposalValues: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['encryption', ikev2Algorithms.encryption],
  ['integrity', ikev2Algorithms.integrity],
  ['prf', ikev2Algorithms.prf],
  ['group', ['DH group numbers (1, 2, 5, 14, 15, 16, 19, 20, 21, 24)']],
]);
const proposalUnset: ReadonlyMap<string, string> = new Map([
  ['encryption', 'a proposal without one is incomplete and never offered'],
  ['integrity', 'a proposal without one is incomplete unless its encryption is AES-GCM'],
  ['prf', 'the integrity algorithms, unless another line sets one'],
  ['group', 'a proposal without one is incomplete and never offered'],
]);

/** The accepted values of a keyword in the section a line was typed in, and what the section keeps without it. */
function acceptedIn(section: string | null, keyword: string): { accepted: readonly string[]; unset: string } | null {
  if (section === 'ikev2-proposal') {
    const accepted = proposalValues.get(keyword);
    return accepted ? { accepted, unset: proposalUnset.get(keyword) ?? '' } : null;
  }
  // Only an isakmp policy's own lines: `encryption aes` under an ASA's `crypto ikev1 policy` is no typo of one.
  const accepted = section === 'isakmp-policy' ? acceptedPolicyValues.get(keyword) : undefined;
  return accepted ? { accepted, unset: `${keywordDefaults.get(keyword) ?? 'the default'}, IOS's default, unless another line sets one` } : null;
}

/** The sub-commands of crypto sections, told when they stand outside one (a `set peer` after its entry ended). */
const cryptoSubCommands = /^(?:set (?:peer|transform-set|pfs|security-association|isakmp-profile|ikev2-profile)|match (?:address|identity)|pre-shared-key|encr|encryption|hash|authentication|group|lifetime|keyring|self-identity)\b/i;

/**
 * IOS crypto commands the model leaves aside on purpose: they act on the data path, the routing table or the
 * certificates, not on what the two routers negotiate. Each with what it does, said instead of "not understood".
 */
const asideCommands: readonly [RegExp, string][] = [
  [/^(?:set )?reverse-route\b/i, 'reverse route injection: a route for the remote proxies'],
  [/^description\b/i, 'a description'],
  [/^set nat demux\b/i, 'NAT demultiplexing of peers behind one address'],
  [/^qos pre-classify\b/i, 'QoS on the inner header'],
  [/^crypto ipsec df-bit\b/i, 'the DF bit of the outer header'],
  [/^crypto ipsec fragmentation\b/i, 'when packets are fragmented'],
  [/^(?:crypto ipsec )?security-association replay\b|^set security-association replay\b/i, 'the anti-replay window'],
  [/^crypto ipsec security-association (?:pmtu-aging|idle-time)\b|^set security-association idle-time\b/i, "the SAs' path MTU or idle timer"],
  [/^crypto ipsec nat-transparency\b/i, 'NAT transparency of IPsec packets'],
  [/^crypto isakmp invalid-spi-recovery\b/i, 'recovery from packets with an unknown SPI'],
  [/^crypto (?:pki|ca|key)\b/i, 'certificates and keys'],
];

/** Remote access (Easy VPN) commands: they add XAUTH and mode config after phase 1, which the check does not model. */
const remoteAccess = /^(?:crypto isakmp client configuration\b|crypto map \S+ (?:client|isakmp authorization)\b|crypto isakmp xauth\b)/i;

/**
 * Whether a line not read is one ikescope reads the like of: a line of a crypto section or an access list, a
 * crypto command, an interface's `tunnel protection`. The rest of a running-config (`version 15.4`, `router bgp`,
 * an interface's `ip nhrp …`) is IOS's and decides nothing the model checks: no lint.
 */
function inCryptoScope(section: string | null, command: string): boolean {
  const text = command.trim();
  if (/^crypto\b/i.test(text)) return true;
  if (section === null) return cryptoSubCommands.test(text);
  if (section === 'interface') return /^tunnel protection\b/i.test(text);
  return true;
}

/**
 * Every line of a config that ikescope does not understand and should (crypto sections and commands), in order.
 * The model keeps such a line as one not understood, and it sets nothing: the policy's value is what its other lines set, else IOS's default, and
 * that is what the simulation uses (`hash sha999` alone leaves the hash at sha). A line IOS scrolled as it was
 * typed (`$`) is told as such: read with its start restored, or not read when the words left do not say which
 * command it was.
 */
export function lintConfig(text: string): ConfigLint[] {
  const out: ConfigLint[] = [];
  // The indent of the last global command ikescope does not read (`router eigrp X`, `key chain K`): the lines
  // indented under it are its own (`authentication mode md5` under an EIGRP af-interface), no crypto section's.
  let foreignIndent: number | null = null;
  for (const line of parseConfig(text).lines) {
    if (line.kind !== 'blank' && foreignIndent !== null && (line.prompt !== null || line.indent <= foreignIndent)) foreignIndent = null;
    const asa = line.kind === 'unrecognized' ? asaOnlyCommand(line.command, line.section) : null;
    if (line.kind === 'unrecognized' && line.section === null && line.prompt === null && !asa?.crypto) {
      if (foreignIndent !== null) continue;
      if (!inCryptoScope(null, line.command)) foreignIndent = line.indent;
    }
    if (line.hidden !== null) {
      out.push({ line: line.line, kind: 'note', message: `IOS hid the start of this line ($, the line scrolled as it was typed): read as "${line.command}"` });
      continue;
    }
    if (line.kind !== 'unrecognized') continue;
    const scrolled = line.prompt !== null && (line.command.startsWith('$') || endHidden(line.command));
    if (scrolled) {
      const where = line.command.startsWith('$') ? 'start' : 'end';
      out.push({ line: line.line, kind: 'problem', message: `IOS hid the ${where} of this line ($, the line scrolled as it was typed) and the words shown do not say the whole command: not read; show running-config prints it whole` });
      continue;
    }
    if (asa?.crypto) {
      out.push({ line: line.line, kind: 'note', message: `an ASA's command (it sets ${asa.sets}), not read: ikescope reads IOS and IOS-XE configurations, not the ASA's` });
      continue;
    }
    if (!inCryptoScope(line.section, line.command)) continue;
    if (remoteAccess.test(line.command.trim())) {
      out.push({ line: line.line, kind: 'note', message: "IOS's remote access (Easy VPN) setup, not read: the check and the simulation leave out the XAUTH and mode config exchanges it adds after phase 1" });
      continue;
    }
    const aside = asideCommands.find(([pattern]) => pattern.test(line.command.trim()));
    if (aside) {
      out.push({ line: line.line, kind: 'note', message: `IOS's, not read: it sets ${aside[1]}, which decides nothing the check or the simulation models` });
      continue;
    }
    const [first = '', ...rest] = line.command.trim().split(/\s+/);
    const keyword = keywordAliases.get(first.toLowerCase()) ?? first.toLowerCase();
    const known = acceptedIn(line.section, keyword);
    const value = rest.join(' ');
    out.push({
      line: line.line,
      kind: 'problem',
      message: known
        ? `unknown ${keyword} ${value ? `value "${value}"` : '(no value)'}: accepts ${known.accepted.join(', ')}; kept as a line not understood, it sets no ${keyword} (${known.unset})`
        : `not understood: this line sets nothing here`,
    });
  }
  return out;
}
