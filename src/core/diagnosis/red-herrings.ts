/** Lines that read like a failure but are not one, with why; findings carry them in `explained`. */
import type { DiagnosisContext } from './context.ts';
import type { ExplainedLine } from './finding.ts';
import { perContext } from './memo.ts';

const HERRINGS: readonly [string, string][] = [
  [
    'peer does not do paranoid keepalives',
    'A red herring: IOS prints this whenever it tears down an SA with a peer that did not negotiate DPD keepalives; it says nothing about why the negotiation failed.',
  ],
  [
    'Failed to find peer index node',
    'Harmless IOS-XE housekeeping message printed on every successful negotiation.',
  ],
  [
    'ignoring request to send delete notify',
    'Harmless: there was no ISAKMP SA yet to send a DELETE with (a leftover from an earlier session).',
  ],
];

export const redHerrings = perContext(computeRedHerrings);

function computeRedHerrings(ctx: DiagnosisContext): ExplainedLine[] {
  const out: ExplainedLine[] = [];
  for (const e of ctx.events) {
    const text = e.type === 'info' || e.type === 'error' ? e.text : null;
    if (text === null) continue;
    const found = HERRINGS.find(([start]) => text.startsWith(start));
    if (found) out.push({ line: e.at, text: found[1] });
  }
  return out;
}
