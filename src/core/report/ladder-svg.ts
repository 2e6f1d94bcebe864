import type { Negotiation } from '../analysis.ts';
import type { Timeline } from '../timeline/timeline.ts';
import { layoutLadder, visibleRange, type LadderArrow, type LadderBadge, type LadderLayout } from '../ladder/layout.ts';
import { escapeHtml } from './html-escape.ts';

/**
 * The ladder as SVG text, laid out by the page's own layout (core/ladder/layout.ts) and drawn in the page's
 * light colours: lifelines, one arrow per message (dashed when resent, a cross when lost, an open head when
 * unanswered), a badge per state change, times on the left. Standalone: every colour and font is an attribute,
 * so the file looks the same opened alone, in the HTML report, or drawn into a PNG.
 */

const INK = '#1e293b';
const MUTED = '#475569';
const LIFELINE = '#cbd5e1';
const RED = '#b91c1c';
const AMBER = '#b45309';
const SANS = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const HEAD = 9;

export const LADDER_WIDTH = 720;

export interface LadderSvgOptions {
  /** Draw only the rows between these y (drawing coordinates), the lane names repeated on top: one printed page. */
  rows?: { top: number; bottom: number };
  /** Arrow steps where the negotiation failed (an error finding names them). */
  failedSteps?: ReadonlySet<number>;
  title?: string;
  /** Inline in an HTML page: no XML namespace (the HTML parser gives it), so the report names no URL. */
  inline?: boolean;
}

const num = (x: number) => (Math.round(x * 10) / 10).toString();

function arrowSvg(a: LadderArrow, dy: number, timeX: number, failed: boolean): string {
  const y = a.y - dy;
  const direction = Math.sign(a.x2 - a.x1) || 1;
  const middle = (a.x1 + a.x2) / 2;
  const tip = a.xEnd;
  const lineEnd = a.lost ? tip : tip - direction * HEAD;
  const label = `${a.retransmission ? `${a.name} ×${a.attempt}` : a.name}${a.lost ? ' (lost)' : a.unanswered ? ' (unanswered)' : ''}`;
  const parts = [
    `<g data-testid="ladder.arrow.${escapeHtml(a.name)}" data-step="${a.step}"${a.lost ? ' data-lost="true"' : ''}${a.unanswered ? ' data-unanswered="true"' : ''}>`,
    `<title>${escapeHtml(failed ? `${a.ariaLabel}, failed here` : a.ariaLabel)}</title>`,
    `<line x1="${num(a.x1)}" y1="${num(y)}" x2="${num(lineEnd)}" y2="${num(y)}" stroke="${INK}" stroke-width="1.5"${a.retransmission ? ' stroke-dasharray="6 4"' : ''}/>`,
  ];
  if (a.lost) {
    parts.push(`<path d="M${num(tip - 6)},${num(y - 6)}L${num(tip + 6)},${num(y + 6)}M${num(tip - 6)},${num(y + 6)}L${num(tip + 6)},${num(y - 6)}" stroke="${RED}" stroke-width="2.5" fill="none"/>`);
  } else {
    const head = `M${num(tip)},${num(y)}L${num(tip - direction * HEAD)},${num(y - 5)}L${num(tip - direction * HEAD)},${num(y + 5)}Z`;
    parts.push(a.unanswered ? `<path d="${head}" fill="none" stroke="${INK}"/>` : `<path d="${head}" fill="${INK}"/>`);
  }
  parts.push(`<text x="${num(middle)}" y="${num(y - 7)}" text-anchor="middle" font-size="12" font-weight="600" fill="${INK}">${escapeHtml(label)}</text>`);
  if (a.payloads) parts.push(`<text x="${num(middle)}" y="${num(y + 15)}" text-anchor="middle" font-size="11" fill="${INK}">${escapeHtml(a.payloads)}</text>`);
  if (a.time) parts.push(`<text x="${num(timeX)}" y="${num(y + 4)}" text-anchor="end" font-size="11" font-family="${MONO}" fill="${MUTED}">${escapeHtml(a.time)}</text>`);
  if (failed) parts.push(`<text x="${num(Math.max(a.x1, a.x2) + 6)}" y="${num(y - 7)}" font-size="12" font-weight="700" fill="${RED}">✕ failed</text>`);
  if (a.notAllowed) parts.push(`<text x="${num(middle + label.length * 4 + 14)}" y="${num(y - 7)}" text-anchor="middle" font-size="14" font-weight="700" fill="${AMBER}">⚠</text>`);
  parts.push('</g>');
  return parts.join('');
}

function badgeSvg(b: LadderBadge, dy: number): string {
  const y = b.y - dy;
  const stroke = b.notAllowed ? AMBER : MUTED;
  return [
    `<g data-testid="ladder.badge.${b.side}">`,
    `<rect x="${num(b.x - b.width / 2)}" y="${num(y - b.height / 2)}" width="${num(b.width)}" height="${num(b.height)}" rx="${num(b.height / 2)}" fill="#ffffff" stroke="${stroke}"${b.notAllowed ? ' stroke-width="2" stroke-dasharray="3 2"' : ''}/>`,
    `<text x="${num(b.x)}" y="${num(y + 4)}" text-anchor="middle" font-size="11" font-family="${MONO}" fill="${INK}">${escapeHtml(b.text)}</text>`,
    b.notAllowed ? `<text x="${num(b.x + b.width / 2 + 10)}" y="${num(y + 5)}" text-anchor="middle" font-size="14" font-weight="700" fill="${AMBER}">⚠</text>` : '',
    '</g>',
  ].join('');
}

function headerSvg(layout: LadderLayout): string {
  return (['initiator', 'responder'] as const)
    .map((side) => {
      const lane = layout.lanes[side];
      const second = lane.name && lane.name !== lane.address ? `${lane.address} · ${side}` : side;
      return [
        `<g data-testid="ladder.lifeline.${side}">`,
        `<text x="${num(lane.x)}" y="20" text-anchor="middle" font-size="14" font-weight="600" fill="${INK}">${escapeHtml(lane.name || lane.address)}</text>`,
        `<text x="${num(lane.x)}" y="36" text-anchor="middle" font-size="11" font-family="${MONO}" fill="${MUTED}">${escapeHtml(second)}</text>`,
        '</g>',
      ].join('');
    })
    .join('');
}

export function ladderLayoutOf(n: Negotiation, timeline: Timeline): LadderLayout {
  return layoutLadder(n, timeline, { width: LADDER_WIDTH, height: 0 });
}

/** The ladder (or the rows of one page of it) as one standalone `<svg>` element. */
export function ladderSvg(layout: LadderLayout, options: LadderSvgOptions = {}): string {
  const { headerHeight, footerHeight } = layout.config;
  const full = { top: headerHeight, bottom: layout.height - footerHeight };
  const rows = options.rows ?? full;
  const drawn = options.rows ? visibleRange(layout, rows.top, rows.bottom) : layout;
  // Only the rows whose centre lies in range, so that no row is drawn on two pages.
  const arrows = drawn.arrows.filter((a) => a.y >= rows.top && a.y < rows.bottom);
  const badges = drawn.badges.filter((b) => b.y >= rows.top && b.y < rows.bottom);
  const dy = rows.top - headerHeight;
  const height = Math.max(headerHeight + footerHeight, rows.bottom - rows.top + headerHeight + footerHeight / 2);
  const timeX = layout.lanes.initiator.x - 14;
  const failed = options.failedSteps ?? new Set<number>();
  const title = options.title ?? `Ladder: ${layout.lanes.initiator.label} and ${layout.lanes.responder.label}`;
  const lifelines = (['initiator', 'responder'] as const)
    .map((side) => `<line x1="${num(layout.lanes[side].x)}" y1="42" x2="${num(layout.lanes[side].x)}" y2="${num(height - footerHeight / 2)}" stroke="${LIFELINE}" stroke-width="2"/>`)
    .join('');
  return [
    `<svg${options.inline ? '' : ' xmlns="http://www.w3.org/2000/svg"'} width="${num(layout.width)}" height="${num(height)}" viewBox="0 0 ${num(layout.width)} ${num(height)}" role="img" aria-label="${escapeHtml(title)}" font-family="${SANS}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect x="0" y="0" width="${num(layout.width)}" height="${num(height)}" fill="#ffffff"/>`,
    lifelines,
    headerSvg(layout),
    badges.map((b) => badgeSvg(b, dy)).join(''),
    arrows.map((a) => arrowSvg(a, dy, timeX, failed.has(a.step))).join(''),
    '</svg>',
  ].join('');
}

/** The ladder cut into pages of at most `pageHeight` drawing pixels each, cut between rows. */
export function ladderPages(layout: LadderLayout, pageHeight: number): { top: number; bottom: number }[] {
  const { headerHeight, footerHeight } = layout.config;
  const end = layout.height - footerHeight;
  const pages: { top: number; bottom: number }[] = [];
  // Each row's top edge: where a page may end.
  const edges = [...layout.arrows.map((a) => a.y - layout.config.messageRowHeight / 2), ...layout.badges.map((b) => b.y - layout.config.badgeRowHeight / 2)].sort((a, b) => a - b);
  let top = headerHeight;
  let last = top;
  for (const edge of edges) {
    if (edge - top > pageHeight && last > top) {
      pages.push({ top, bottom: last });
      top = last;
    }
    last = edge;
  }
  if (end - top > pageHeight && last > top) {
    pages.push({ top, bottom: last });
    top = last;
  }
  pages.push({ top, bottom: end });
  return pages;
}
