import { describe, expect, test } from 'vitest';
import type { LineRef } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import { buildTimeline } from '../timeline/timeline.ts';
import { defaultLadderConfig, formatTime, layoutLadder, summarizePayloads, visibleRange } from './layout.ts';
import { makeMessage, makeNegotiation, makeTransition, syntheticNegotiation } from './synthetic.ts';

const size = { width: 800, height: 600 };
const at = (line: number, file = 0): LineRef => ({ file, line });

/**
 * The seed's Main Mode as the analysis gives it for the merged paste: R3's block (responder) at lines 150-520,
 * R2's block (initiator) at lines 590-950, the lines and times those routers printed.
 */
function seedMainMode() {
  // As in the seed, R3's log (the responder) comes first, R2's (the initiator) from line 500 on.
  const sided = (spec: Parameters<typeof makeMessage>[0]) =>
    makeMessage({
      ...spec,
      sideLines: { initiator: spec.lines.filter((l) => l.line >= 500), responder: spec.lines.filter((l) => l.line < 500) },
    });
  const messages = [
    sided({ name: 'MM1', from: 'initiator', lines: [at(600), at(156)], payloads: ['SA', 'VID', 'VID', 'VID', 'VID'], time: 30_823_245 }),
    sided({ name: 'MM2', from: 'responder', lines: [at(221), at(618)], payloads: ['SA', 'VID', 'VID', 'VID'], time: 30_823_377 }),
    sided({ name: 'MM3', from: 'initiator', lines: [at(676), at(237)], payloads: ['KE', 'NONCE', 'VID'], time: 30_823_249 }),
    sided({ name: 'MM4', from: 'responder', lines: [at(276), at(696)], payloads: ['KE', 'NONCE'], time: 30_823_405 }),
    sided({ name: 'MM5', from: 'initiator', lines: [at(751), at(292)], payloads: ['ID', 'HASH'], time: 30_823_293 }),
    sided({ name: 'MM6', from: 'responder', lines: [at(371), at(773)], payloads: ['ID', 'HASH'], time: null }),
  ];
  const r = (from: string, to: string, line: number) => makeTransition({ side: 'responder', from, to, line: at(line) });
  const i = (from: string, to: string, line: number) => makeTransition({ side: 'initiator', from, to, line: at(line) });
  const transitions = [
    r('IKE_READY', 'IKE_R_MM1', 170),
    r('IKE_R_MM1', 'IKE_R_MM1', 211),
    r('IKE_R_MM1', 'IKE_R_MM2', 227),
    r('IKE_R_MM2', 'IKE_R_MM3', 241),
    r('IKE_R_MM3', 'IKE_R_MM3', 266),
    r('IKE_R_MM3', 'IKE_R_MM4', 282),
    r('IKE_R_MM4', 'IKE_R_MM5', 296),
    r('IKE_R_MM5', 'IKE_R_MM5', 341),
    r('IKE_R_MM5', 'IKE_P1_COMPLETE', 377),
    i('IKE_READY', 'IKE_I_MM1', 595),
    i('IKE_I_MM1', 'IKE_I_MM2', 622),
    i('IKE_I_MM2', 'IKE_I_MM2', 664),
    i('IKE_I_MM2', 'IKE_I_MM3', 682),
    i('IKE_I_MM3', 'IKE_I_MM4', 700),
    i('IKE_I_MM4', 'IKE_I_MM4', 723),
    i('IKE_I_MM4', 'IKE_I_MM5', 757),
    i('IKE_I_MM5', 'IKE_I_MM6', 805),
    i('IKE_I_MM6', 'IKE_I_MM6', 810),
    i('IKE_I_MM6', 'IKE_P1_COMPLETE', 815),
  ];
  return makeNegotiation({ role: 'both', phase1: { messages, transitions } });
}

describe('layoutLadder on a two-sided Main Mode', () => {
  const negotiation = seedMainMode();
  const timeline = buildTimeline(negotiation);
  const layout = layoutLadder(negotiation, timeline, size);

  test('lanes: initiator on the left, responder on the right, named by router and address', () => {
    expect(layout.lanes.initiator).toMatchObject({ x: 150, name: 'R2', address: '2001:DB8::2', label: 'R2 2001:DB8::2' });
    expect(layout.lanes.responder).toMatchObject({ x: 650, name: 'R3', label: 'R3 2001:DB8::3' });
    expect([layout.lanes.initiator.role, layout.lanes.responder.role]).toEqual(['initiator', 'responder']);
  });

  test("a negotiation whose role the log does not show: the lanes are places, their role words say it is not shown", () => {
    const unknown = makeNegotiation({ role: 'unknown', phase1: { messages: [], transitions: [] } });
    const lanes = layoutLadder(unknown, buildTimeline(unknown), size).lanes;
    expect([lanes.initiator.role, lanes.responder.role]).toEqual(['role not shown', 'role not shown']);
  });

  test('one arrow per message, top to bottom in protocol order', () => {
    expect(layout.arrows.map((a) => a.name)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6']);
    const ys = layout.arrows.map((a) => a.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(6);
    expect(layout.arrows.map((a) => a.step)).toEqual(timeline.messageSteps);
  });

  const directions: [string, Side, number, number][] = [
    ['MM1', 'initiator', 150, 650],
    ['MM2', 'responder', 650, 150],
    ['MM3', 'initiator', 150, 650],
    ['MM4', 'responder', 650, 150],
    ['MM5', 'initiator', 150, 650],
    ['MM6', 'responder', 650, 150],
  ];
  for (const [name, from, x1, x2] of directions) {
    test(`${name} goes from the ${from}'s lane to the other`, () => {
      const arrow = layout.arrows.find((a) => a.name === name);
      expect(arrow).toMatchObject({ from, x1, x2, xEnd: x2, lost: false, retransmission: false, notAllowed: false });
    });
  }

  test('payloads are summarised in order with repeats counted', () => {
    expect(layout.arrows.map((a) => a.payloads)).toEqual([
      'SA · VID×4',
      'SA · VID×3',
      'KE · NONCE · VID',
      'KE · NONCE',
      'ID · HASH',
      'ID · HASH',
    ]);
  });

  test('time labels where the message has a time of day', () => {
    expect(layout.arrows.map((a) => a.time)).toEqual([
      '08:33:43.245',
      '08:33:43.377',
      '08:33:43.249',
      '08:33:43.405',
      '08:33:43.293',
      null,
    ]);
  });

  test('aria label names the message, both routers and the payloads', () => {
    expect(layout.arrows[0]?.ariaLabel).toBe('MM1, initiator R2 to responder R3, SA, VID×4, at 08:33:43.245');
  });

  test('a badge for every state change, none where the state stays, each on its router lane', () => {
    const changes = [
      ...negotiation.phase1.transitions.filter((t) => t.from !== t.to),
    ];
    expect(layout.badges).toHaveLength(changes.length);
    expect(layout.badges.map((b) => b.text).sort()).toEqual(changes.map((t) => t.to).sort());
    for (const badge of layout.badges) {
      expect(badge.x).toBe(layout.lanes[badge.side].x);
      expect(badge.width).toBeCloseTo(badge.text.length * defaultLadderConfig.badgeCharWidth + 14);
    }
  });

  test('arrows and badges sit at the y of their step, in step order', () => {
    const items = [...layout.arrows, ...layout.badges].sort((a, b) => a.step - b.step);
    for (const item of items) expect(item.y).toBe(layout.stepY[item.step]);
    const ys = items.map((item) => item.y);
    expect(new Set(ys).size).toBe(items.length);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  test('every step has a y, rows never go back up, and a step that changes nothing shares the row above', () => {
    expect(layout.stepY).toHaveLength(timeline.steps.length);
    for (let i = 1; i < layout.stepY.length; i++) expect(layout.stepY[i]).toBeGreaterThanOrEqual(layout.stepY[i - 1]!);
    timeline.steps.forEach((step, i) => {
      if (step.kind === 'transition' && step.transition.from === step.transition.to && i > 0) {
        expect(layout.stepY[i]).toBe(layout.stepY[i - 1]);
      }
    });
  });

  test('arrowAtStep: the last arrow at or before each step', () => {
    expect(layout.arrowAtStep).toHaveLength(timeline.steps.length);
    timeline.messageSteps.forEach((step, index) => expect(layout.arrowAtStep[step]).toBe(index));
    expect(layout.arrowAtStep[0]).toBe(-1);
  });

  test('height covers every row; width at least what was asked', () => {
    const c = defaultLadderConfig;
    const rows = 6 * c.messageRowHeight + layout.badges.length * c.badgeRowHeight;
    expect(layout.height).toBe(c.headerHeight + rows + c.footerHeight);
    expect(layout.width).toBe(800);
    expect(layoutLadder(negotiation, timeline, { width: 800, height: 5000 }).height).toBe(5000);
  });
});

describe('layoutLadder flags', () => {
  test('a message the core calls lost stops short of the other lane, with a cross and its label', () => {
    const negotiation = seedMainMode();
    negotiation.phase1.messages[5] = makeMessage({ name: 'MM6', from: 'responder', lines: [at(371)], retransmission: false, delivery: 'lost' });
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    const mm6 = layout.arrows.find((a) => a.name === 'MM6')!;
    expect(mm6.lost).toBe(true);
    expect(mm6.unanswered).toBe(false);
    expect(mm6.xEnd).toBeCloseTo(650 - 500 * defaultLadderConfig.lostFraction);
    expect(mm6.ariaLabel).toContain('lost');
    expect(layout.arrows.filter((a) => a.lost).map((a) => a.name)).toEqual(['MM6']);
  });

  test('an unanswered message reaches the other lane and says so, not lost', () => {
    const messages = [1, 2].map((attempt) =>
      makeMessage({ name: 'MM1', from: 'initiator', lines: [at(10 * attempt)], retransmission: attempt > 1, attempt, delivery: 'unanswered' }),
    );
    const negotiation = makeNegotiation({ role: 'initiator', phase1: { messages, transitions: [] } });
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    expect(layout.arrows.map((a) => [a.lost, a.unanswered, a.xEnd === a.x2])).toEqual([
      [false, true, true],
      [false, true, true],
    ]);
    expect(layout.arrows[1]?.ariaLabel).toMatch(/retransmission, attempt 2, unanswered/);
    expect(layout.arrows[1]?.ariaLabel).not.toContain('lost');
  });

  test('a message without a delivery is drawn whole, whatever its resends', () => {
    const messages = [1, 2, 3].map((attempt) =>
      makeMessage({ name: 'MM5', from: 'initiator', lines: [at(10 * attempt)], retransmission: attempt > 1, attempt }),
    );
    const negotiation = makeNegotiation({ role: 'responder', phase1: { messages, transitions: [] } });
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    expect(layout.arrows.map((a) => [a.lost, a.unanswered])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  test('a state change the model rejects flags its badge and the message it followed', () => {
    const negotiation = seedMainMode();
    const rejected = negotiation.phase1.transitions.find((t) => t.to === 'IKE_R_MM3')!;
    rejected.allowed = false;
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    expect(layout.badges.filter((b) => b.notAllowed).map((b) => b.text)).toEqual(['IKE_R_MM3']);
    expect(layout.arrows.filter((a) => a.notAllowed).map((a) => a.name)).toEqual(['MM3']);
    expect(layout.arrows[2]?.ariaLabel).toContain('not allowed by the state model');
  });

  test('a rejected step before any message belongs to the first one', () => {
    const negotiation = seedMainMode();
    negotiation.phase1.transitions.find((t) => t.to === 'IKE_I_MM1')!.allowed = false;
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    expect(layout.arrows.filter((a) => a.notAllowed).map((a) => a.name)).toEqual(['MM1']);
  });

  test('null (not replayed yet) is not a rejection', () => {
    const negotiation = seedMainMode();
    for (const t of negotiation.phase1.transitions) t.allowed = null;
    const layout = layoutLadder(negotiation, buildTimeline(negotiation), size);
    expect(layout.badges.some((b) => b.notAllowed) || layout.arrows.some((a) => a.notAllowed)).toBe(false);
  });
});

describe('layoutLadder geometry', () => {
  const negotiation = seedMainMode();
  const timeline = buildTimeline(negotiation);
  const widths: [number, number, number, number][] = [
    // asked width, initiator lane, responder lane, drawing width
    [800, 150, 650, 800],
    [1200, 150, 1050, 1200],
    [500, 150, 350, 500],
    // narrower: the insets shrink first, keeping the lanes 190 apart (a phone's 390 px fits)
    [420, 115, 305, 420],
    [366, 88, 278, 366],
    // narrower still: the drawing stays 366 wide and scrolls sideways
    [300, 88, 278, 366],
    [0, 88, 278, 366],
  ];
  for (const [width, initiatorX, responderX, drawingWidth] of widths) {
    test(`width ${width}: lanes at ${initiatorX} and ${responderX}, drawing ${drawingWidth} wide`, () => {
      const layout = layoutLadder(negotiation, timeline, { width, height: 400 });
      expect(layout.lanes.initiator.x).toBe(initiatorX);
      expect(layout.lanes.responder.x).toBe(responderX);
      expect(layout.width).toBe(drawingWidth);
    });
  }

  test('config overrides change only what they name', () => {
    const layout = layoutLadder(negotiation, timeline, size, { messageRowHeight: 100, laneInset: 50 });
    expect(layout.config.badgeRowHeight).toBe(defaultLadderConfig.badgeRowHeight);
    expect(layout.lanes.initiator.x).toBe(50);
    expect(layout.arrows[1]!.y - layout.arrows[0]!.y).toBeGreaterThanOrEqual(100);
  });

  test('a router without a name is labelled by its address', () => {
    const unnamed = makeNegotiation({
      initiator: { name: '10.0.0.1', address: '10.0.0.1' },
      phase1: { messages: negotiation.phase1.messages, transitions: negotiation.phase1.transitions },
    });
    const layout = layoutLadder(unnamed, buildTimeline(unnamed), size);
    expect(layout.lanes.initiator.label).toBe('10.0.0.1');
    expect(layout.arrows[0]?.ariaLabel).toMatch(/^MM1, initiator 10\.0\.0\.1 to responder R3/);
  });
});

describe('formatTime and summarizePayloads', () => {
  const times: [number, string][] = [
    [0, '00:00:00.000'],
    [(8 * 3600 + 33 * 60 + 43) * 1000 + 377, '08:33:43.377'],
    [86_399_999, '23:59:59.999'],
    [5.9, '00:00:00.005'],
  ];
  for (const [ms, text] of times) test(`${ms} ms is ${text}`, () => expect(formatTime(ms)).toBe(text));

  test('no payloads, no text', () => {
    expect(summarizePayloads(makeMessage({ name: 'DPD', from: 'initiator', lines: [] }))).toBe('');
  });
});

describe('visibleRange on 10,000 messages', () => {
  const big = syntheticNegotiation(10_000);
  const timeline = buildTimeline(big);
  const layout = layoutLadder(big, timeline, size);

  test('the synthetic negotiation has the messages asked for, in exchange order', () => {
    expect(layout.arrows.length).toBeGreaterThanOrEqual(10_000);
    expect(layout.arrows.slice(0, 9).map((a) => a.name)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    expect(layout.arrows.some((a) => a.lost || a.notAllowed)).toBe(false);
  });

  const views: [string, number, number][] = [
    ['top', 0, 600],
    ['middle', 250_000, 250_600],
    ['bottom', layout.height - 600, layout.height],
    ['beyond the end', layout.height + 1000, layout.height + 2000],
    ['zoomed out', 1000, 13_000],
  ];
  for (const [name, top, bottom] of views) {
    test(`${name}: exactly the items whose rows overlap the view`, () => {
      const reach = defaultLadderConfig.messageRowHeight / 2;
      const inView = (item: { y: number }) => item.y >= top - reach && item.y <= bottom + reach;
      const visible = visibleRange(layout, top, bottom);
      expect(visible.arrows).toEqual(layout.arrows.filter(inView));
      expect(visible.badges).toEqual(layout.badges.filter(inView));
      expect(visible.arrows.length).toBeLessThanOrEqual(Math.ceil((bottom - top) / defaultLadderConfig.messageRowHeight) + 2);
    });
  }
});
