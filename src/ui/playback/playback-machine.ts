import { assign, setup } from 'xstate';

/**
 * Playback over a timeline of `stepCount` steps. The cursor is the index of the current step (-1: before the
 * first). Stepping by message jumps between the indices in `messageSteps`. While playing, the cursor advances
 * one step every `intervalMs / speed` and stops at the end.
 */
export interface PlaybackContext {
  cursor: number;
  stepCount: number;
  messageSteps: readonly number[];
  speed: number;
}

export type PlaybackEvent =
  | { type: 'LOAD'; stepCount: number; messageSteps: readonly number[]; cursor?: number }
  | { type: 'NEXT' }
  | { type: 'PREV' }
  | { type: 'NEXT_MESSAGE' }
  | { type: 'PREV_MESSAGE' }
  | { type: 'START' }
  | { type: 'END' }
  | { type: 'SEEK'; cursor: number }
  | { type: 'TOGGLE' }
  | { type: 'PAUSE' }
  | { type: 'SET_SPEED'; speed: number };

export const baseIntervalMs = 800;
export const speeds = [0.5, 1, 2, 4] as const;

const clamp = (cursor: number, stepCount: number) => Math.max(-1, Math.min(stepCount - 1, cursor));

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as Partial<PlaybackContext>,
  },
  delays: {
    tick: ({ context }) => baseIntervalMs / context.speed,
  },
  guards: {
    atEnd: ({ context }) => context.cursor >= context.stepCount - 1,
  },
  actions: {
    load: assign(({ event }) => {
      if (event.type !== 'LOAD') return {};
      return {
        stepCount: event.stepCount,
        messageSteps: event.messageSteps,
        cursor: clamp(event.cursor ?? -1, event.stepCount),
      };
    }),
    next: assign({ cursor: ({ context }) => clamp(context.cursor + 1, context.stepCount) }),
    prev: assign({ cursor: ({ context }) => clamp(context.cursor - 1, context.stepCount) }),
    nextMessage: assign({
      cursor: ({ context }) => context.messageSteps.find((s) => s > context.cursor) ?? context.stepCount - 1,
    }),
    prevMessage: assign({
      cursor: ({ context }) => context.messageSteps.findLast((s) => s < context.cursor) ?? -1,
    }),
    start: assign({ cursor: -1 }),
    end: assign({ cursor: ({ context }) => context.stepCount - 1 }),
    seek: assign({
      cursor: ({ context, event }) => (event.type === 'SEEK' ? clamp(event.cursor, context.stepCount) : context.cursor),
    }),
    setSpeed: assign({
      speed: ({ context, event }) => (event.type === 'SET_SPEED' && event.speed > 0 ? event.speed : context.speed),
    }),
    restartIfAtEnd: assign({
      cursor: ({ context }) => (context.cursor >= context.stepCount - 1 ? -1 : context.cursor),
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    cursor: input.cursor ?? -1,
    stepCount: input.stepCount ?? 0,
    messageSteps: input.messageSteps ?? [],
    speed: input.speed ?? 1,
  }),
  initial: 'paused',
  on: {
    LOAD: { target: '.paused', actions: 'load' },
    SEEK: { target: '.paused', actions: 'seek' },
    START: { target: '.paused', actions: 'start' },
    END: { target: '.paused', actions: 'end' },
    NEXT: { target: '.paused', actions: 'next' },
    PREV: { target: '.paused', actions: 'prev' },
    NEXT_MESSAGE: { target: '.paused', actions: 'nextMessage' },
    PREV_MESSAGE: { target: '.paused', actions: 'prevMessage' },
    SET_SPEED: { actions: 'setSpeed' },
  },
  states: {
    paused: {
      on: { TOGGLE: { target: 'playing', actions: 'restartIfAtEnd' } },
    },
    playing: {
      on: { TOGGLE: 'paused', PAUSE: 'paused' },
      after: {
        tick: [
          { guard: 'atEnd', target: 'paused' },
          { target: 'playing', reenter: true, actions: 'next' },
        ],
      },
    },
  },
});
