/**
 * A prompt line's parts that are not the operator's command: a debug record printed right after the prompt
 * (`R1#*Mar  1 00:13:31.899: ISAKMP...`), and what the CLI answers a mistyped command with.
 */
import { parseHead } from './head.ts';
import { lexLine, type Lexed } from './lex.ts';

/** The first words of commands an operator types at a prompt. */
export const COMMAND_WORDS = /^\s*(?:do |sh|clear|debug|un|no |ping|conf|end|exit|int|crypto|ip |ipv6|tunnel|set|match|copy|wr|term|logging|access-list|permit|deny|remark|router|line|enable|disable|reload)/i;

/**
 * What the CLI answers the operator with (`% Invalid input detected at '^' marker.`, `% NOTE: This new crypto map
 * will remain disabled...`): a percent sign and a space, where a syslog message has none (`%CRYPTO-4-...`).
 */
export const CLI_ERROR = /^% ?(?:Invalid input detected|Incomplete command|Ambiguous command|Unknown command|Unrecognized command)|^% [A-Z]/;

/** The rest of a prompt line lexed, when it is a debug record glued to the prompt (`R1#*Mar  1 00:13:31.899: ISAKMP...`). */
export function gluedRecord(rest: string): Lexed | null {
  if (rest.length < 8) return null;
  const lexed = lexLine(rest);
  if (lexed.stamped && lexed.body.length > 0) return lexed;
  // without a timestamp, only what no one types: a conn-id (`ISAKMP:(1001):`), an IPSEC(function), a syslog
  // mnemonic, or an IKEv2 prefix (`Hub# IKEv2-PROTO-5: (11): SM Trace-> …`, `Spoke# IKEv2-PLAT-3: RECV PKT …`)
  const head = parseHead(lexed.body);
  if (head === null || COMMAND_WORDS.test(rest)) return null;
  return head.conn !== null || head.facility === 'IKEV2' || lexed.body.startsWith('IPSEC(') || lexed.body.startsWith('%CRYPTO') ? lexed : null;
}

