/** A record the paste cut off: the last line of an excerpt, stopped in the middle of what IOS printed. */
import { parseHead } from './head.ts';

/**
 * Whether a record's text stops short: nothing after its timestamp, a head with almost nothing after it, or a
 * parenthesis left open (`ISAKMP (0`). A complete line in other words than the reader knows is none of these.
 */
export function looksCut(body: string): boolean {
  if (body.length === 0) return true;
  const head = parseHead(body);
  if (head !== null && head.text.trim().length < 4) return true;
  let depth = 0;
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    if (c === 40) depth += 1;
    else if (c === 41 && depth > 0) depth -= 1;
  }
  return depth > 0;
}
