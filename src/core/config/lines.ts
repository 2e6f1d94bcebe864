/**
 * Stage 1 of config parsing: text → lines. Each line keeps its number and raw text; what a person pasted
 * around the commands (router prompts, `> ` quote marks, `<===` notes, inline `!` remarks) is peeled off
 * into `command`, and the line is classified before any statement parsing.
 */

import { plainSpaces } from '../ike/plain-spaces.ts';
import type { ConfigStatement } from './statements.ts';

export type ConfigLineKind = 'statement' | 'blank' | 'comment' | 'exec' | 'output' | 'unrecognized';

/** A router prompt found at the start of a line: `R2(config-if)#` or `R1#`. */
export interface Prompt {
  host: string;
  /** `config`, `config-isakmp`, `cfg-crypto-trans`, ...; null for an exec prompt. */
  mode: string | null;
}

export interface LexedLine {
  /** 1-based line number in the text as given. */
  line: number;
  raw: string;
  /** The command with prompt, quote marks and annotations removed; '' when there is none. */
  command: string;
  /** Leading spaces of the command as typed (tabs count as one); meaningful only without a prompt. */
  indent: number;
  prompt: Prompt | null;
  /** Classification before statement parsing: 'statement' means "try to parse". */
  kind: ConfigLineKind;
  /** Filled in by the statement stage (parse.ts): the router this line belongs to, and its statement. */
  router: string | null;
  statement: ConfigStatement | null;
  /** The kind of section the line was typed in (`isakmp-policy`, `ikev2-proposal`…), null at the top level. */
  section: string | null;
  /** The start IOS hid behind a `$` (the line scrolled as it was typed), restored in `command`; null when none. */
  hidden: string | null;
}

/** One object shape for every line, whatever its kind (keeps property access monomorphic on big pastes). */
function make(line: number, raw: string, command: string, indent: number, prompt: Prompt | null, kind: ConfigLineKind): LexedLine {
  return { line, raw, command, indent, prompt, kind, router: null, statement: null, section: null, hidden: null };
}

/** Splits text into lines; a final newline does not start an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const promptToken = /^([A-Z][\w.-]*)(?:\(([\w-]+)\))?$/i;

function findPrompt(text: string): { prompt: Prompt; rest: string } | null {
  const hashAt = text.indexOf('#');
  if (hashAt <= 0) return null;
  const before = text.slice(0, hashAt);
  const cut = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'));
  const token = before.slice(cut + 1);
  const m = promptToken.exec(token);
  if (!m) return null;
  const host = m[1] ?? '';
  const mode = m[2] ?? null;
  // An exec prompt must start the line; a config-mode prompt may follow a note ("或者: R2(config)#...").
  if (mode === null && before.slice(0, cut + 1).trim() !== '') return null;
  if (mode !== null && !/^(?:conf|cfg)/.test(mode)) return null;
  return { prompt: { host, mode }, rest: text.slice(hashAt + 1) };
}

/** Removes the annotations people add after a command: `<=== note`, `<-- note`, ` !remark`. */
function stripAnnotations(text: string): string {
  let end = text.length;
  for (const marker of ['<=', '<-', ' !', '\t!']) {
    const at = text.indexOf(marker);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

function leadingSpaces(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/**
 * What IOS prints around a configuration, not configuration: `show running-config`'s heading, `configure
 * terminal`'s prompt, `write memory`'s answer.
 */
function isRouterAnswer(text: string): boolean {
  return /^(?:Building configuration\.\.\.|Current configuration ?: ?\d+ bytes|\[OK\]$|Enter configuration commands, one per line\.)/.test(text);
}

/**
 * A code block's fence around a published config (Markdown's ```` ``` ````/`~~~` with or without a language,
 * HTML's `<pre lang="cli">` and `</pre>`): the page's markup, not a command.
 */
export function isCodeFence(text: string): boolean {
  return text.startsWith('```') || text.startsWith('~~~') || /^<\/?(?:pre|code)\b[^>]*>$/i.test(text);
}

/** Classifies and cleans one raw line. */
export function lexLine(raw: string, line: number): LexedLine {
  let text = plainSpaces(raw);
  // Markdown quote marks (`> R2(config)#...`).
  while (text.startsWith('>')) text = text.slice(text.startsWith('> ') ? 2 : 1);
  const indent = leadingSpaces(text);
  const trimmed = text.trim();
  if (trimmed === '') return make(line, raw, '', indent, null, 'blank');
  if (raw.startsWith('#') || trimmed.startsWith('!') || isCodeFence(trimmed)) return make(line, raw, '', indent, null, 'comment');
  if (trimmed.startsWith('%') || trimmed.startsWith('*') || /^\w{3} +\d+ \d+:\d+/.test(trimmed) || isRouterAnswer(trimmed)) {
    return make(line, raw, '', indent, null, 'output');
  }
  const found = trimmed.includes('#') ? findPrompt(trimmed) : null;
  if (found) {
    if (found.rest.trim().startsWith('!')) return make(line, raw, '', 0, found.prompt, 'comment');
    const command = stripAnnotations(found.rest).trim();
    const isExec = found.prompt.mode === null || command.startsWith('do ') || command === 'do';
    return make(line, raw, command, 0, found.prompt, isExec ? 'exec' : command === '' ? 'blank' : 'statement');
  }
  const command = stripAnnotations(trimmed).trim();
  return make(line, raw, command, indent, null, command === '' ? 'comment' : 'statement');
}

/** Every line of the text, lexed; the raw texts rebuild the input. */
export function lexConfig(text: string): LexedLine[] {
  return splitLines(text).map((raw, i) => lexLine(raw, i + 1));
}
