/**
 * Which negotiations the list shows, and in which order: by one peer, by peer or address text, by outcome, by
 * finding code; in log order or failures first. The filter lives in the page's link (`p`, `q`, `o`, `c`,
 * `sort`), so a link to a headend log's failing peer opens on it.
 */
import type { FindingCode } from '../../core/analysis.ts';
import type { NegotiationOutcome } from '../../core/summary/summary.ts';
import type { NegotiationSummary } from '../../worker/page-analysis.ts';

export type ListSort = 'time' | 'failures';

export interface ListFilter {
  /** One peer's address exactly (`Negotiation.peer`), as the summary names it; null for every peer. */
  peer: string | null;
  /** Part of a peer's or router's address or name, any case; empty for all. */
  text: string;
  outcome: NegotiationOutcome | null;
  code: FindingCode | null;
  sort: ListSort;
}

export const NO_FILTER: ListFilter = { peer: null, text: '', outcome: null, code: null, sort: 'time' };

const OUTCOMES: readonly NegotiationOutcome[] = ['failed', 'complete', 'incomplete'];
const FINDING_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export function isFiltered(f: ListFilter): boolean {
  return f.peer !== null || f.text !== '' || f.outcome !== null || f.code !== null;
}

/**
 * Each negotiation's searchable words, lower case, made once per list (a headend's 100,000 negotiations are
 * filtered again at every keystroke); kept while the list lives.
 */
const searchTexts = new WeakMap<readonly NegotiationSummary[], string[]>();

function searchTextsOf(negotiations: readonly NegotiationSummary[]): string[] {
  let texts = searchTexts.get(negotiations);
  if (texts === undefined) {
    texts = negotiations.map((n) => {
      const { initiator, responder } = n.routers;
      // a character no address or name holds keeps a match from running across two words
      return [n.peer, n.local, initiator.name, initiator.address, responder.name, responder.address].join('\n').toLowerCase();
    });
    searchTexts.set(negotiations, texts);
  }
  return texts;
}

function errorsOf(n: NegotiationSummary): number {
  let errors = 0;
  for (const f of n.findings) if (f.severity === 'error') errors += 1;
  return errors;
}

/** The indices (into `negotiations`) the list shows, in its order: one pass, then a sort of what passed. */
export function filterNegotiations(negotiations: readonly NegotiationSummary[], f: ListFilter): number[] {
  const text = f.text.trim().toLowerCase();
  const texts = text === '' ? null : searchTextsOf(negotiations);
  const rows: number[] = [];
  negotiations.forEach((n, i) => {
    if (f.peer !== null && n.peer !== f.peer) return;
    if (f.outcome !== null && n.outcome !== f.outcome) return;
    if (f.code !== null && !n.findings.some((x) => x.code === f.code)) return;
    if (texts !== null && !(texts[i] ?? '').includes(text)) return;
    rows.push(i);
  });
  if (f.sort === 'failures') {
    const failed = (i: number) => (negotiations[i]?.outcome === 'failed' ? 1 : 0);
    const errors = rows.map((i) => errorsOf(negotiations[i]!));
    const order = rows.map((_, k) => k);
    // failed first, then most errors, then log order
    order.sort((a, b) => failed(rows[b]!) - failed(rows[a]!) || errors[b]! - errors[a]! || a - b);
    return order.map((k) => rows[k]!);
  }
  return rows;
}

/** The filter a link's hash names; anything it cannot be is left out. */
export function readListFilter(hash: string): ListFilter {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const outcome = params.get('o');
  const code = params.get('c');
  const peer = params.get('p');
  return {
    peer: peer === null || peer === '' ? null : peer.slice(0, 300),
    text: (params.get('q') ?? '').slice(0, 200),
    outcome: OUTCOMES.find((o) => o === outcome) ?? null,
    code: code !== null && FINDING_CODE.test(code) ? (code as FindingCode) : null,
    sort: params.get('sort') === 'failures' ? 'failures' : 'time',
  };
}

/** The hash's part for `f` (`q=…&o=…`), empty for no filter; each value encoded. */
export function listFilterHash(f: ListFilter): string {
  const params = new URLSearchParams();
  if (f.peer !== null) params.set('p', f.peer);
  if (f.text !== '') params.set('q', f.text);
  if (f.outcome !== null) params.set('o', f.outcome);
  if (f.code !== null) params.set('c', f.code);
  if (f.sort !== 'time') params.set('sort', f.sort);
  return params.toString();
}
