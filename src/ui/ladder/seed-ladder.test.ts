import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { layoutLadder, visibleRange } from '../../core/ladder/layout.ts';

const seedDocument = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');

/** The seed document, analysed as the page does on a first visit: both routers' debugs in one paste. */
describe('the ladder of the seed document', () => {
  const analysis = analyze([{ name: 'ios-ikev1-main-mode-debugs.txt', text: seedDocument }]);
  const negotiation = analysis.negotiations[0]!;
  const timeline = buildTimeline(negotiation);
  const layout = layoutLadder(negotiation, timeline, { width: 900, height: 600 });

  test('one merged negotiation, R2 initiator and R3 responder', () => {
    expect(analysis.negotiations).toHaveLength(1);
    expect(negotiation.role).toBe('both');
    expect(layout.lanes.initiator.name).toBe('R2');
    expect(layout.lanes.responder.name).toBe('R3');
    expect(layout.lanes.initiator.x).toBeLessThan(layout.lanes.responder.x);
  });

  const expected: [string, 'initiator' | 'responder'][] = [
    ['MM1', 'initiator'],
    ['MM2', 'responder'],
    ['MM3', 'initiator'],
    ['MM4', 'responder'],
    ['MM5', 'initiator'],
    ['MM6', 'responder'],
    ['QM1', 'initiator'],
    ['QM2', 'responder'],
    ['QM3', 'initiator'],
  ];

  test('MM1..MM6 then QM1..QM3, top to bottom', () => {
    expect(layout.arrows.map((a) => a.name)).toEqual(expected.map(([name]) => name));
    const ys = layout.arrows.map((a) => a.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  for (const [index, [name, from]] of expected.entries()) {
    test(`${name}: ${from} to the other lane, delivered, not resent`, () => {
      const arrow = layout.arrows[index]!;
      expect(arrow.name).toBe(name);
      expect(arrow.from).toBe(from);
      expect(arrow.x1).toBe(layout.lanes[from].x);
      expect(arrow.x2).toBe(layout.lanes[from === 'initiator' ? 'responder' : 'initiator'].x);
      expect(arrow).toMatchObject({ lost: false, retransmission: false, notAllowed: false });
      expect(arrow.time).toMatch(/^08:33:43\.\d{3}$/);
    });
  }

  test('payloads as the seed logs them: the SA offer in MM1, KE and NONCE in MM3, ID and HASH in MM5', () => {
    expect(layout.arrows[0]!.payloads).toBe('SA');
    expect(layout.arrows[0]!.ariaLabel).toMatch(/^MM1, initiator R2 to responder R3, SA, at 08:33:43\.\d{3}$/);
    expect(layout.arrows[2]!.payloads).toMatch(/KE · NONCE/);
    expect(layout.arrows[4]!.payloads).toMatch(/ID · HASH|HASH · ID/);
  });

  test('both routers\' state changes are badges on their own lane, the model allows them all', () => {
    const texts = (side: 'initiator' | 'responder') => layout.badges.filter((b) => b.side === side).map((b) => b.text);
    expect(texts('initiator')).toEqual(expect.arrayContaining(['IKE_I_MM1', 'IKE_I_MM6', 'IKE_P1_COMPLETE', 'IKE_QM_I_QM1']));
    expect(texts('responder')).toEqual(expect.arrayContaining(['IKE_R_MM1', 'IKE_R_MM5', 'IKE_P1_COMPLETE', 'IKE_QM_SPI_STARVE']));
    expect(texts('responder')).not.toContain('IKE_R_MM6');
    expect(layout.badges.filter((b) => b.notAllowed)).toEqual([]);
  });

  test('a short view holds only the first rows', () => {
    const visible = visibleRange(layout, 0, 200);
    expect(visible.arrows.length).toBeGreaterThan(0);
    expect(visible.arrows.length).toBeLessThan(layout.arrows.length);
    expect(visible.arrows[0]!.name).toBe('MM1');
  });
});

describe('the seed with one state change the model does not allow', () => {
  // R2 jumps from IKE_I_MM3 straight to IKE_I_MM6 on receiving MM4.
  const text = seedDocument.replace(
    'Old State = IKE_I_MM3  New State = IKE_I_MM4',
    'Old State = IKE_I_MM3  New State = IKE_I_MM6',
  );
  const negotiation = analyze([{ name: 'edited-seed.txt', text }]).negotiations[0]!;
  const layout = layoutLadder(negotiation, buildTimeline(negotiation), { width: 900, height: 600 });

  test('the badge of the rejected state and the message it followed are flagged, nothing else', () => {
    expect(layout.badges.filter((b) => b.notAllowed).map((b) => [b.side, b.text])).toEqual([['initiator', 'IKE_I_MM6']]);
    expect(layout.arrows.filter((a) => a.notAllowed).map((a) => a.name)).toEqual(['MM4']);
    expect(layout.arrows[3]!.ariaLabel).toContain('not allowed by the state model');
  });
});
