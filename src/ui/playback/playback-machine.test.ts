import { describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { baseIntervalMs, playbackMachine } from './playback-machine.ts';

function start() {
  const clock = new SimulatedClock();
  const actor = createActor(playbackMachine, { input: {}, clock }).start();
  actor.send({ type: 'LOAD', stepCount: 6, messageSteps: [1, 3, 5] });
  return { actor, clock, cursor: () => actor.getSnapshot().context.cursor };
}

describe('playback', () => {
  const cases: { name: string; events: Parameters<ReturnType<typeof start>['actor']['send']>[0][]; cursor: number }[] = [
    { name: 'starts before the first step', events: [], cursor: -1 },
    { name: 'next steps one event', events: [{ type: 'NEXT' }, { type: 'NEXT' }], cursor: 1 },
    { name: 'next stops at the last step', events: Array(9).fill({ type: 'NEXT' }), cursor: 5 },
    { name: 'prev stops before the first step', events: [{ type: 'NEXT' }, { type: 'PREV' }, { type: 'PREV' }], cursor: -1 },
    { name: 'next message jumps to the next message step', events: [{ type: 'NEXT_MESSAGE' }, { type: 'NEXT_MESSAGE' }], cursor: 3 },
    { name: 'prev message jumps back to the previous message', events: [{ type: 'END' }, { type: 'PREV_MESSAGE' }], cursor: 3 },
    { name: 'end and start', events: [{ type: 'END' }, { type: 'START' }], cursor: -1 },
    { name: 'seek is clamped', events: [{ type: 'SEEK', cursor: 99 }], cursor: 5 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { actor, cursor } = start();
      for (const event of c.events) actor.send(event);
      expect(cursor()).toBe(c.cursor);
    });
  }

  test('playing advances one step per interval, scaled by speed, and pauses at the end', () => {
    const { actor, clock, cursor } = start();
    actor.send({ type: 'SET_SPEED', speed: 2 });
    actor.send({ type: 'TOGGLE' });
    expect(actor.getSnapshot().value).toBe('playing');
    clock.increment(baseIntervalMs / 2);
    expect(cursor()).toBe(0);
    clock.increment(baseIntervalMs / 2);
    expect(cursor()).toBe(1);
    for (let i = 0; i < 10; i++) clock.increment(baseIntervalMs / 2);
    expect(cursor()).toBe(5);
    expect(actor.getSnapshot().value).toBe('paused');
  });

  test('stepping by hand pauses playback', () => {
    const { actor } = start();
    actor.send({ type: 'TOGGLE' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('paused');
  });

  test('play at the end restarts from the beginning', () => {
    const { actor, cursor } = start();
    actor.send({ type: 'END' });
    actor.send({ type: 'TOGGLE' });
    expect(cursor()).toBe(-1);
  });
});
