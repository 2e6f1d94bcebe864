/** Line references in words a reader can follow: whose config or log, and which line. */
import type { LineRef } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { DiagnosisContext } from './context.ts';
import { routerName } from './config-fix.ts';

/** What each input file is, as far as the context tells: a side's config, or the log a side printed. */
function fileOwners(ctx: DiagnosisContext): Map<number, string> {
  const owners = new Map<number, string>();
  for (const side of ['initiator', 'responder'] as const) {
    const config = ctx.configs[side];
    if (config) owners.set(config.file, routerName(ctx, side));
  }
  // A log file is the log of the router whose state lines it holds; a file holding both routers' stays unnamed.
  const logSides = new Map<number, Side | null>();
  const negotiation = ctx.negotiation;
  const transitions = negotiation ? [...negotiation.phase1.transitions, ...negotiation.phase2.flatMap((p) => p.transitions)] : [];
  for (const t of transitions) {
    const known = logSides.get(t.line.file);
    logSides.set(t.line.file, known === undefined || known === t.side ? t.side : null);
  }
  for (const [file, side] of logSides) if (side !== null && !owners.has(file)) owners.set(file, `${routerName(ctx, side)}'s log`);
  return owners;
}

/** Past this many lines of one file the words name the first ones and count the rest (the finding lists them all). */
const NAMED_LINES = 20;

function numbers(lines: readonly LineRef[]): string {
  const named = lines.slice(0, NAMED_LINES).map((l) => l.line).join(', ');
  const more = lines.length - NAMED_LINES;
  return `${lines.length === 1 ? 'line' : 'lines'} ${named}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
}

/**
 * `HQ, line 7; BRANCH, line 7` for config lines, `HQ's log, line 36` for a log's: each file named by its router
 * when the context says whose it is; the bare `line 12` when only one file is involved and nothing names it.
 */
export function lineWords(lines: readonly LineRef[], ctx: DiagnosisContext | null = null): string {
  const byFile = new Map<number, LineRef[]>();
  for (const l of lines) {
    const refs = byFile.get(l.file);
    if (refs) refs.push(l);
    else byFile.set(l.file, [l]);
  }
  const owners = ctx ? fileOwners(ctx) : new Map<number, string>();
  const several = byFile.size > 1;
  return [...byFile]
    .map(([file, refs]) => {
      const owner = owners.get(file) ?? (several ? `file ${file + 1}` : null);
      return owner ? `${owner}, ${numbers(refs)}` : numbers(refs);
    })
    .join('; ');
}
