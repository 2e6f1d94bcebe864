/** The events of recurring context-free lines, kept by their text so that a line read once is not read again. */
import type { IkeEventBody } from './events.ts';
import { detached } from './owned-strings.ts';

interface Recurring {
  text: string;
  body: IkeEventBody;
  /** Its id in the record table. */
  annotation: number;
}

/** The length and three characters of a text in one small integer: the key of the recurring-lines table. */
function shapeKey(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  return ((n * 128 + (text.charCodeAt(n - 1) & 127)) * 128 + (text.charCodeAt(n >> 1) & 127)) * 128 + (text.charCodeAt(0) & 127);
}

/**
 * The events of recurring lines, by their text. A Map keyed by the text would hash all of a fresh slice on every
 * lookup; keyed by the length and three characters it finds the one or two candidates, and a comparison settles it.
 */
export class RecurringLines {
  private readonly byShape = new Map<number, Recurring[]>();
  private size = 0;

  get(text: string): Recurring | undefined {
    const candidates = this.byShape.get(shapeKey(text));
    if (candidates === undefined) return undefined;
    for (const c of candidates) if (c.text === text) return c;
    return undefined;
  }

  add(text: string, body: IkeEventBody, annotation: number): void {
    if (this.size >= 50_000) return;
    const key = shapeKey(text);
    const candidates = this.byShape.get(key);
    // a copy of the text: a slice would keep the whole input chunk it came from alive
    const r: Recurring = { text: detached(text), body, annotation };
    if (candidates === undefined) this.byShape.set(key, [r]);
    else if (candidates.length < 8) candidates.push(r);
    else return;
    this.size += 1;
  }
}

/**
 * True when the text carries a number of 7 or more digits: a message ID or node, which recurs in a few lines of
 * one exchange at most. Such lines are not kept in the cache of recurring lines: they would fill it with entries
 * that are never hit and make every lookup slower.
 */
export function hasMessageId(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      run += 1;
      if (run >= 7) return true;
    } else run = 0;
  }
  return false;
}

/** Event types whose meaning depends only on the line's text (no addresses, no message IDs kept elsewhere). */
// not a proposal check nor `atts … acceptable. Next payload is N`: the check says which phase the atts line answers (check-phase.ts)
const CONTEXT_FREE = new Set<IkeEventBody['type']>(['fsm-state', 'payload', 'vendor', 'p1-attr', 'p1-lifetime', 'p2-transform', 'p2-attr', 'p2-atts', 'packet-sent', 'info', 'auth', 'nat', 'begin', 'fsm-input']);

/** A phase 2 life type and duration: the duration's words take the unit of the type line before it (describe.ts). */
function saidByLineBefore(body: IkeEventBody): boolean {
  return body.type === 'p2-attr' && (body.attr === 'lifeType' || body.attr === 'lifeDuration');
}

/** Whether a line's event and words may be kept and given again each time its text recurs. */
export function isRecurring(body: IkeEventBody, text: string): boolean {
  return CONTEXT_FREE.has(body.type) && !hasMessageId(text) && !saidByLineBefore(body);
}
