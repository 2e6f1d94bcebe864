import { parseConfig } from './parse.ts';
import { acceptedPolicyValues } from './statement-parser.ts';

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

/**
 * Every line of a config that ikescope does not understand, in order. Such a line sets nothing: the setting it
 * meant keeps its IOS default, which is what the simulation then uses (`hash sha999` leaves the hash at sha).
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
        ? `unknown ${keyword} ${value ? `value "${value}"` : '(no value)'}: accepts ${accepted.join(', ')}; the default applies`
        : `not understood: this line sets nothing here`,
    });
  }
  return out;
}
