import { parseConfig } from './parse.ts';
import { acceptedPolicyValues } from './statement-parser.ts';
import { policyDefaults } from './defaults.ts';

/** A config line the model cannot read, with what it would accept instead. */
export interface ConfigLint {
  /** 1-based line number. */
  line: number;
  message: string;
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

/**
 * Every line of a config that ikescope does not understand, in order. The model keeps such a line as one not
 * understood, and it sets nothing: the policy's value is what its other lines set, else IOS's default, and
 * that is what the simulation uses (`hash sha999` alone leaves the hash at sha).
 */
export function lintConfig(text: string): ConfigLint[] {
  const out: ConfigLint[] = [];
  for (const line of parseConfig(text).lines) {
    if (line.kind !== 'unrecognized') continue;
    const [first = '', ...rest] = line.command.trim().split(/\s+/);
    const keyword = keywordAliases.get(first.toLowerCase()) ?? first.toLowerCase();
    const accepted = acceptedPolicyValues.get(keyword);
    const value = rest.join(' ');
    out.push({
      line: line.line,
      message: accepted
        ? `unknown ${keyword} ${value ? `value "${value}"` : '(no value)'}: accepts ${accepted.join(', ')}; kept as a line not understood, it sets no ${keyword} (${keywordDefaults.get(keyword) ?? 'the default'}, IOS's default, unless another line sets one)`
        : `not understood: this line sets nothing here`,
    });
  }
  return out;
}
