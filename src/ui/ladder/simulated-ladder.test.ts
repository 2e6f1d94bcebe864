import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { labSetupOf, runLab } from '../../core/sim/lab.ts';
import { buildTimeline } from '../playback/timeline.ts';
import { layoutLadder, type LadderArrow } from './layout.ts';

/**
 * No corpus log holds a retransmission, so these come from the lab: the IOS debug output each simulated
 * router would print, analysed as a paste of that router's log alone.
 */
function ladderOf(preset: string, router: 'initiator' | 'responder') {
  const setup = labSetupOf(preset);
  if (!setup) throw new Error(`no preset ${preset}`);
  const run = runLab(setup);
  if (!run.ok) throw new Error(run.error);
  const analysis = analyze([{ name: `${preset}-${router}.log`, text: run.debug[router] }]);
  const negotiation = analysis.negotiations[0];
  if (!negotiation) throw new Error(`${preset}: no negotiation in the ${router}'s log`);
  return layoutLadder(negotiation, buildTimeline(negotiation), { width: 800, height: 600 });
}

const attempts = (arrows: readonly LadderArrow[], name: string) =>
  arrows.filter((a) => a.name === name).map((a) => ({ attempt: a.attempt, retransmission: a.retransmission, lost: a.lost }));

describe('retransmissions and lost messages in one router\'s log', () => {
  test('peer-unreachable, initiator: MM1 sent six times and never answered, every attempt lost', () => {
    const layout = ladderOf('peer-unreachable', 'initiator');
    expect(layout.arrows.every((a) => a.name === 'MM1')).toBe(true);
    expect(attempts(layout.arrows, 'MM1')).toEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => ({ attempt, retransmission: attempt > 1, lost: true })),
    );
    const last = layout.arrows.at(-1)!;
    expect(last.xEnd).not.toBe(last.x2);
    expect(last.ariaLabel).toContain('retransmission, attempt 6, lost');
  });

  test('psk-mismatch, initiator: every MM5 lost, the responder\'s resends of MM4 are not an answer', () => {
    const layout = ladderOf('psk-mismatch', 'initiator');
    const mm5 = attempts(layout.arrows, 'MM5');
    expect(mm5.length).toBeGreaterThan(1);
    expect(mm5.every((a) => a.lost)).toBe(true);
    expect(layout.arrows.filter((a) => a.from === 'responder' && a.lost)).toEqual([]);
    expect(layout.arrows.filter((a) => a.name === 'MM4' && a.retransmission).length).toBeGreaterThan(0);
    expect(layout.arrows.slice(0, 4).map((a) => [a.name, a.lost])).toEqual([
      ['MM1', false],
      ['MM2', false],
      ['MM3', false],
      ['MM4', false],
    ]);
  });

  test('the seed preset: a clean exchange, nothing resent, nothing lost', () => {
    const layout = ladderOf('seed', 'initiator');
    expect(layout.arrows.map((a) => a.name)).toEqual(expect.arrayContaining(['MM1', 'MM6', 'QM1']));
    expect(layout.arrows.filter((a) => a.lost || a.retransmission)).toEqual([]);
  });
});
