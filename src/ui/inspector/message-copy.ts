import type { Message, Negotiation } from '../../core/analysis.ts';
import { keyMasker } from '../../core/config/key-mask.ts';
import type { LineRef } from '../../core/ike/line-ref.ts';
import { SIDES } from '../../core/ike/sides.ts';
import { pickLines } from '../../core/log/pick-lines.ts';
import { linesPrintedBy } from '../../core/timeline/printed-by.ts';
import { messageLabel } from './format.ts';

/** An input file as the analysis numbers them (logs, then configs): its name and its text in pieces. */
export interface SourceText {
  name: string;
  pieces: readonly string[];
}

const routerName = (negotiation: Negotiation, side: 'initiator' | 'responder') =>
  negotiation.routers[side].name || negotiation.routers[side].address;

/** The lines of `refs` from each file they are in, in file order: a heading, then each line as it was. */
function section(title: string, refs: readonly LineRef[], files: readonly SourceText[], mask: (line: string) => string): string[] {
  const byFile = new Map<number, Set<number>>();
  for (const ref of refs) {
    const lines = byFile.get(ref.file) ?? new Set<number>();
    lines.add(ref.line);
    byFile.set(ref.file, lines);
  }
  const out: string[] = [];
  for (const [file, lines] of [...byFile].sort((a, b) => a[0] - b[0])) {
    const source = files[file];
    if (!source) continue;
    const picked = pickLines(source.pieces, lines);
    out.push(`--- ${title} (${source.name}) ---`);
    for (const line of [...lines].sort((a, b) => a - b)) {
      const raw = picked.get(line);
      if (raw !== undefined) out.push(mask(raw));
    }
  }
  return out;
}

/**
 * A message's raw lines as text to paste into a case note: each router's log lines (both routers' in a merged
 * negotiation), then the config lines it depends on, with every pre-shared key masked unless `includeKeys`.
 */
export function messageCopyText(negotiation: Negotiation, message: Message, files: readonly SourceText[], includeKeys: boolean): string {
  const mask = includeKeys ? (line: string) => line : keyMasker();
  const from = routerName(negotiation, message.from);
  const to = routerName(negotiation, message.from === 'initiator' ? 'responder' : 'initiator');
  const name = messageLabel(message);
  const out = [`${name}: ${from} → ${to}${message.messageId !== 0 ? `, message ID ${message.messageId}` : ''}`];
  for (const side of SIDES) {
    const lines = linesPrintedBy(negotiation, message, side);
    if (lines.length > 0) for (const line of section(`${routerName(negotiation, side)}'s log`, lines, files, mask)) out.push(line);
  }
  if (message.config && message.config.length > 0) for (const line of section('configuration', message.config, files, mask)) out.push(line);
  return `${out.join('\n')}\n`;
}
