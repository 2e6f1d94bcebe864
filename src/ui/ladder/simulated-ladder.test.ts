import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { labSetupOf, runLab } from '../../core/sim/lab.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { layoutLadder, type LadderArrow } from '../../core/ladder/layout.ts';

/**
 * No corpus log holds a retransmission, so these come from the lab: the IOS debug output each simulated
 * router would print, analysed as a paste of that router's log alone.
 */
function ladderOf(preset: string, router: 'initiator' | 'responder' | 'both') {
  const setup = labSetupOf(preset);
  if (!setup) throw new Error(`no preset ${preset}`);
  const run = runLab(setup);
  if (!run.ok) throw new Error(run.error);
  const logs = router === 'both' ? (['initiator', 'responder'] as const) : [router];
  const analysis = analyze(logs.map((side) => ({ name: `${preset}-${side}.log`, text: run.debug[side] })));
  const negotiation = analysis.negotiations[0];
  if (!negotiation) throw new Error(`${preset}: no negotiation in the ${router}'s log`);
  return layoutLadder(negotiation, buildTimeline(negotiation), { width: 800, height: 600 });
}

const attempts = (arrows: readonly LadderArrow[], name: string) =>
  arrows.filter((a) => a.name === name).map((a) => ({ attempt: a.attempt, retransmission: a.retransmission, lost: a.lost, unanswered: a.unanswered }));

describe('retransmissions, lost and unanswered messages in the lab\'s logs', () => {
  // One router's log cannot show a message lost: what it shows is a message sent again and never answered.
  test('peer-unreachable, initiator: MM1 sent six times and never answered, every attempt unanswered', () => {
    const layout = ladderOf('peer-unreachable', 'initiator');
    expect(layout.arrows.every((a) => a.name === 'MM1')).toBe(true);
    expect(attempts(layout.arrows, 'MM1')).toEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => ({ attempt, retransmission: attempt > 1, lost: false, unanswered: true })),
    );
    const last = layout.arrows.at(-1)!;
    expect(last.xEnd).toBe(last.x2);
    expect(last.ariaLabel).toContain('retransmission, attempt 6, unanswered');
  });

  test('psk-mismatch, initiator: every MM5 unanswered, not lost; the responder\'s resends of MM4 are not an answer', () => {
    const layout = ladderOf('psk-mismatch', 'initiator');
    const mm5 = attempts(layout.arrows, 'MM5');
    expect(mm5.length).toBeGreaterThan(1);
    expect(mm5.every((a) => a.unanswered && !a.lost)).toBe(true);
    expect(layout.arrows.filter((a) => a.lost)).toEqual([]);
    expect(layout.arrows.filter((a) => a.from === 'responder' && a.unanswered)).toEqual([]);
    expect(layout.arrows.filter((a) => a.name === 'MM4' && a.retransmission).length).toBeGreaterThan(0);
    expect(layout.arrows.slice(0, 4).map((a) => [a.name, a.lost])).toEqual([
      ['MM1', false],
      ['MM2', false],
      ['MM3', false],
      ['MM4', false],
    ]);
  });

  test('psk-mismatch, both routers\' logs: each resent MM4 and MM5 was printed by both routers, so none is lost', () => {
    const layout = ladderOf('psk-mismatch', 'both');
    expect(layout.arrows.filter((a) => a.name === 'MM4' && a.retransmission).length).toBeGreaterThan(0);
    expect(layout.arrows.filter((a) => a.lost)).toEqual([]);
    expect(layout.arrows.filter((a) => a.unanswered)).toEqual([]);
  });

  test('psk-mismatch, responder: the first MM4 was answered by MM5, its resends were not', () => {
    const layout = ladderOf('psk-mismatch', 'responder');
    expect(attempts(layout.arrows, 'MM4').map((a) => a.unanswered)).toEqual([false, true, true, true, true, true]);
    expect(layout.arrows.filter((a) => a.lost)).toEqual([]);
  });

  test('the seed preset: a clean exchange, nothing resent, nothing lost', () => {
    const layout = ladderOf('seed', 'initiator');
    expect(layout.arrows.map((a) => a.name)).toEqual(expect.arrayContaining(['MM1', 'MM6', 'QM1']));
    expect(layout.arrows.filter((a) => a.lost || a.unanswered || a.retransmission)).toEqual([]);
  });
});

/** Both simulated routers' logs together, as the Lab gives them to the page. */
function mergedLadderOf(preset: string) {
  const run = runLab(labSetupOf(preset)!);
  if (!run.ok) throw new Error(run.error);
  const negotiation = analyze(run.files.filter((f) => f.kind === 'log')).negotiations[0]!;
  return layoutLadder(negotiation, buildTimeline(negotiation), { width: 800, height: 600 });
}

const drawn = (arrows: readonly LadderArrow[]) => arrows.map((a) => `${a.name}${a.retransmission ? '*' : ''}`);

describe('both routers\' logs: the ladder draws the timeline\'s order', () => {
  test('p1-policy-mismatch: each NOTIFY right under the MM1 it refuses, the responder\'s state between them', () => {
    const layout = mergedLadderOf('p1-policy-mismatch');
    expect(drawn(layout.arrows)).toEqual(['MM1', 'NOTIFY', ...Array.from({ length: 5 }, () => ['MM1*', 'NOTIFY']).flat()]);
    const entered = layout.badges.filter((b) => b.side === 'responder' && b.text === 'IKE_R_MM1' && b.transition.from === 'IKE_READY');
    expect(entered).toHaveLength(6);
    entered.forEach((badge, k) => {
      expect(badge.y).toBeGreaterThan(layout.arrows[2 * k]!.y);
      expect(badge.y).toBeLessThan(layout.arrows[2 * k + 1]!.y);
    });
  });

  test('psk-mismatch: MM4 resent after each MM5, none lost (both logs show each arriving)', () => {
    const layout = mergedLadderOf('psk-mismatch');
    expect(drawn(layout.arrows)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...Array.from({ length: 5 }, () => ['MM4*', 'MM5*']).flat()]);
    expect(layout.arrows.filter((a) => a.lost)).toEqual([]);
  });
});
