/**
 * Config text → lines and statements. Sections are followed by keyword (the seed's config has no indentation),
 * by router prompts (`R2(config-isakmp)#`) and, where a paste is indented, by indentation. Several routers can
 * share one paste (`hostname ce1` ... `hostname ce2`, or interleaved `R2(config)#` / `R3(config)#` prompts):
 * each line is attributed to a router and each router keeps its own current section.
 */
import { lexConfig, type ConfigLineKind, type LexedLine } from './lines.ts';
import { opensSection, parseStatement, type Section } from './statement-parser.ts';
import type { ConfigStatement } from './statements.ts';

/**
 * A line of a config paste: number, raw text, cleaned command, kind; `router` when the paste names it
 * (prompt or hostname); `statement` when kind is 'statement'.
 */
export type ConfigLine = LexedLine;

export interface ParsedConfig {
  lines: ConfigLine[];
  statements: ConfigStatement[];
  /** Router names in order of first appearance; empty when the paste names none. */
  routers: string[];
}

interface RouterState {
  section: Section | null;
  /** Indentation of the current section's header, and of its first sub-command (null until seen). */
  headerIndent: number;
  childIndent: number | null;
}

/** The lexed line becomes the config line in place: no copy per line. */
function toLine(lex: LexedLine, kind: ConfigLineKind, router: string | null, statement: ConfigStatement | null): ConfigLine {
  const line: ConfigLine = lex;
  line.kind = kind;
  line.router = router;
  line.statement = statement;
  return line;
}

/** Parses pasted IOS configuration. Never throws; every input line is in `lines`, in order. */
export function parseConfig(text: string): ParsedConfig {
  const lexed = lexConfig(text);
  const lines: ConfigLine[] = [];
  const statements: ConfigStatement[] = [];
  const routers: string[] = [];
  const states = new Map<string | null, RouterState>();
  let router: string | null = null;

  const stateOf = (name: string | null): RouterState => {
    let s = states.get(name);
    if (!s) {
      s = { section: null, headerIndent: 0, childIndent: null };
      states.set(name, s);
    }
    return s;
  };
  const useRouter = (name: string) => {
    router = name;
    if (!routers.includes(name)) routers.push(name);
  };

  for (const lex of lexed) {
    if (lex.prompt) useRouter(lex.prompt.host);
    const state = stateOf(router);
    if (lex.kind === 'comment' && lex.command === '' && lex.raw.trim().replace(/^>\s*/, '').startsWith('!')) state.section = null;
    if (lex.kind !== 'statement') {
      lines.push(toLine(lex, lex.kind, router, null));
      continue;
    }
    if (lex.prompt?.mode === 'config') state.section = null;
    // In an indented paste, a line no deeper than its section header closes the section.
    if (!lex.prompt && state.section && state.childIndent !== null && lex.indent <= state.headerIndent) state.section = null;

    const parsed = parseStatement(lex.command, state.section);
    if (!parsed) {
      lines.push(toLine(lex, 'unrecognized', router, null));
      continue;
    }
    if (parsed.body.kind === 'hostname') {
      useRouter(parsed.body.name);
    }
    const owner = stateOf(router);
    const section = parsed.inSection ? owner.section : null;
    const statement: ConfigStatement = { ...parsed.body, line: lex.line, router, section: section?.line ?? null };
    statements.push(statement);
    lines.push(toLine(lex, lex.kind, router, statement));

    if (parsed.inSection) {
      if (owner.childIndent === null && !lex.prompt && lex.indent > owner.headerIndent) owner.childIndent = lex.indent;
      continue;
    }
    const opened = opensSection(parsed.body);
    if (opened) {
      const name = 'name' in parsed.body ? parsed.body.name : '';
      const family = parsed.body.kind === 'access-list' ? parsed.body.family : 4;
      owner.section = { kind: opened, line: lex.line, name, family };
      owner.headerIndent = lex.prompt ? 0 : lex.indent;
      owner.childIndent = null;
    } else {
      // Entering a global command leaves any sub-mode, as IOS does.
      owner.section = null;
    }
  }
  return { lines, statements, routers };
}

/** The statements of one router (all of them when the paste names no router, or `router` is null). */
export function statementsOf(config: ParsedConfig, router: string | null): ConfigStatement[] {
  if (router === null) return config.statements;
  return config.statements.filter((s) => s.router === router || (s.router === null && config.routers.length <= 1));
}
