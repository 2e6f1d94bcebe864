/**
 * Config text → lines and statements. Sections are followed by keyword (the seed's config has no indentation),
 * by router prompts (`R2(config-isakmp)#`) and, where a paste is indented, by indentation. Several routers can
 * share one paste (`hostname ce1` ... `hostname ce2`, or interleaved `R2(config)#` / `R3(config)#` prompts):
 * each line is attributed to a router and each router keeps its own current section.
 */
import { isCodeFence, lexConfig, type ConfigLineKind, type LexedLine } from './lines.ts';
import { nestsIn, opensSection, parseStatement, type Section } from './statement-parser.ts';
import { restoreScrolled } from './scrolled-line.ts';
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

/** A section being typed, with the indentation of its header and of its first sub-command (null until seen). */
interface OpenSection {
  section: Section;
  headerIndent: number;
  childIndent: number | null;
}

/** Each router's open sections, outermost first: one, or a keyring and the peer block inside it. */
interface RouterState {
  open: OpenSection[];
  /** The sections a `!` just ended: an indented line right after it is still theirs (a template's `!` at column 0). */
  endedByBang: OpenSection[];
}

/**
 * A template's markup (Freemarker `<#if …>`, Jinja `{% … %}`, `${…}`): kept as a line not understood, but no IOS
 * command, so it ends no section: the section's lines around it stay in it.
 */
const isTemplateMarkup = (command: string) => /^(?:<\/?#|\{[%{#]|\$\{)/.test(command.trimStart());

/**
 * A global command ikescope does not read, which no section has as a sub-command: typed in a section, IOS leaves
 * the section for it (an unindented `ip local pool …` after a crypto map entry is not the entry's). An
 * interface's own `crypto ipsec …` commands and `ip …` sub-commands are not among them.
 */
function leavesSections(command: string, open: Section | null): boolean {
  const text = command.trimStart().toLowerCase();
  if (text.startsWith('crypto ')) return !(open?.kind === 'interface' && text.startsWith('crypto ipsec '));
  return /^(?:ip (?:local pool|route|prefix-list|domain|cef|http|forward-protocol|nat (?:inside|outside) source|sla)|router|line|aaa|username|version|service|boot|logging|ntp|snmp-server|banner|control-plane|license|redundancy|vrf definition|enable (?:secret|password)|archive|key chain|route-map|class-map|policy-map)\b/.test(text);
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
      s = { open: [], endedByBang: [] };
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
    // `!` ends the sections it is not indented under: ` !` between two peers of a keyring ends the first peer only.
    // A code block's fence ends them all (the page's prose follows it), as a `!` at column 0 does.
    const marked = lex.kind === 'comment' && lex.command === '' ? lex.raw.trim().replace(/^>\s*/, '') : '';
    const fence = marked !== '' && isCodeFence(marked);
    if (marked.startsWith('!') || fence) {
      const ended: OpenSection[] = [];
      const indent = fence ? 0 : lex.indent;
      while (state.open.length > 0 && (state.open.at(-1)?.headerIndent ?? 0) >= indent) ended.unshift(state.open.pop()!);
      if (ended.length > 0) state.endedByBang = [...state.open, ...ended];
    }
    if (lex.kind !== 'statement') {
      lines.push(toLine(lex, lex.kind, router, null));
      continue;
    }
    if (lex.prompt?.mode === 'config') state.open = [];
    // In an indented paste, a line no deeper than its section header closes the section.
    const reopen = state.endedByBang;
    if (!isTemplateMarkup(lex.command)) state.endedByBang = [];
    if (!lex.prompt && lex.indent > 0 && reopen.length > 0 && lex.indent > (reopen[0]?.headerIndent ?? 0) && state.open.length < reopen.length) state.open = reopen;
    const left: OpenSection[] = [];
    if (!lex.prompt && !isTemplateMarkup(lex.command)) {
      let top = state.open.at(-1);
      while (top && top.childIndent !== null && lex.indent <= top.headerIndent) {
        left.unshift(state.open.pop()!);
        top = state.open.at(-1);
      }
    }

    // A line IOS scrolled (`Router(config)#$c transform-set …`): its start restored when the words left name one command.
    const scrolled = lex.prompt ? restoreScrolled(lex.command, (command) => parseStatement(command, state.open.at(-1)?.section ?? null) !== null) : null;
    if (scrolled) {
      lex.command = scrolled.command;
      lex.hidden = scrolled.hidden;
    }
    let parsed = parseStatement(lex.command, state.open.at(-1)?.section ?? null);
    // A sub-command typed at the header's column (`match address ACL` under ` set peer …`) is still its section's:
    // IOS reads a line by its mode, not its indentation, so a line no global command reads stays where it was.
    if (!parsed && left.length > 0) {
      const inLeft = parseStatement(lex.command, left.at(-1)?.section ?? null);
      if (inLeft?.inSection) {
        for (const section of left) state.open.push(section);
        parsed = inLeft;
      }
    }
    if (!parsed && !lex.prompt && leavesSections(lex.command, state.open.at(-1)?.section ?? null)) state.open = [];
    lex.section = parsed ? (parsed.section?.kind ?? null) : (state.open.at(-1)?.section.kind ?? null);
    if (!parsed) {
      lines.push(toLine(lex, 'unrecognized', router, null));
      continue;
    }
    if (parsed.body.kind === 'hostname') {
      useRouter(parsed.body.name);
    }
    const owner = stateOf(router);
    // A command of an outer section (a keyring's next `peer`) leaves the inner one.
    if (parsed.section) while (owner.open.length > 0 && owner.open.at(-1)?.section !== parsed.section) owner.open.pop();
    const statement: ConfigStatement = { ...parsed.body, line: lex.line, router, section: parsed.section?.line ?? null };
    statements.push(statement);
    lines.push(toLine(lex, lex.kind, router, statement));

    const opened = opensSection(parsed.body);
    const top = owner.open.at(-1);
    if (parsed.inSection && !opened) {
      if (top && top.childIndent === null && !lex.prompt && lex.indent > top.headerIndent) top.childIndent = lex.indent;
      continue;
    }
    if (opened) {
      const name = 'name' in parsed.body ? parsed.body.name : '';
      const family = parsed.body.kind === 'access-list' ? parsed.body.family : 4;
      // A peer block after another one sits beside it, in the same keyring.
      if (top && top.section.kind === opened && nestsIn(opened, top.section.parent)) owner.open.pop();
      const parent = owner.open.at(-1)?.section ?? null;
      const nested = nestsIn(opened, parent);
      if (nested && parent && owner.open.at(-1)?.childIndent === null && !lex.prompt && lex.indent > (owner.open.at(-1)?.headerIndent ?? 0)) {
        const outer = owner.open.at(-1);
        if (outer) outer.childIndent = lex.indent;
      }
      const section: Section = { kind: opened, line: lex.line, name, family, parent: nested ? parent : null };
      const entry: OpenSection = { section, headerIndent: lex.prompt ? 0 : lex.indent, childIndent: null };
      owner.open = nested ? [...owner.open, entry] : [entry];
    } else if (parsed.body.kind === 'exit' && owner.open.length > 1) {
      owner.open.pop();
    } else {
      // Entering a global command leaves any sub-mode, as IOS does.
      owner.open = [];
    }
  }
  return { lines, statements, routers };
}

/** The statements of one router (all of them when the paste names no router, or `router` is null). */
export function statementsOf(config: ParsedConfig, router: string | null): ConfigStatement[] {
  if (router === null) return config.statements;
  return config.statements.filter((s) => s.router === router || (s.router === null && config.routers.length <= 1));
}
