/**
 * A prompt line's parts that are not the operator's command: a debug record printed right after the prompt
 * (`R1#*Mar  1 00:13:31.899: ISAKMP...`), and what the CLI answers a mistyped command with.
 */
import { parseHead } from './head.ts';
import { lexLine, type Lexed } from './lex.ts';

/** The first words of commands an operator types at a prompt. */
export const COMMAND_WORDS = /^\s*(?:do |sh|clear|debug|un|no |ping|conf|end|exit|int|crypto|ip |ipv6|tunnel|set|match|copy|wr|term|logging|access-list|permit|deny|remark|router|line|enable|disable|reload)/i;

/** What the CLI answers a mistyped command with: the operator's, not IKE's. */
export const CLI_ERROR = /^% ?(?:Invalid input detected|Incomplete command|Ambiguous command|Unknown command|Unrecognized command)/;

/** The rest of a prompt line lexed, when it is a debug record glued to the prompt (`R1#*Mar  1 00:13:31.899: ISAKMP...`). */
export function gluedRecord(rest: string): Lexed | null {
  if (rest.length < 8) return null;
  const lexed = lexLine(rest);
  if (lexed.stamped && lexed.body.length > 0) return lexed;
  return parseHead(lexed.body) !== null && !COMMAND_WORDS.test(rest) ? lexed : null;
}

