/**
 * The machines tested by their graphs (@xstate/graph): every transition each machine defines is
 * taken somewhere in the reachable state space, shortest paths follow the IOS order seen in real
 * logs, and every simple path to completion sends the messages of the exchange in order.
 */
import { adjacencyMapToArray, createTestModel, getAdjacencyMap, getShortestPaths, getSimplePaths } from '@xstate/graph';
import { type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { describe, expect, test } from 'vitest';
import { IKE_EVENT_TYPES, ikeInput, printInput, type IkeEvent } from './events.ts';
import type { ExchangeContext, Platform } from './exchange-setup.ts';
import { ALL_MACHINES, type Exchange } from './machines.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { replayTransitions, type ObservedTransition } from './replay.ts';

const events: IkeEvent[] = [
  ...IKE_EVENT_TYPES.map((type) => ({ type }) as IkeEvent),
  { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH', accepted: false },
];

const serializeState = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context]);

interface Case {
  name: keyof typeof ALL_MACHINES;
  role: Side;
  exchange: Exchange;
  mode: 'main' | 'aggressive';
  /** Both platforms where the machine's paths differ between them. */
  platforms: Platform[];
  /** The shortest way to the completed state, as IOS inputs, and the messages sent on the way. */
  happy: { to: string; inputs: string[]; sends: ExchangeMessageName[]; platform: Platform }[];
}

const cases: Case[] = [
  {
    name: 'mainModeInitiator',
    role: 'initiator',
    exchange: 'phase1',
    mode: 'main',
    platforms: ['ios-xe'],
    happy: [
      {
        to: 'IKE_P1_COMPLETE',
        platform: 'ios-xe',
        inputs: [
          'IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM',
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
        ],
        sends: ['MM1', 'MM3', 'MM5'],
      },
    ],
  },
  {
    name: 'mainModeResponder',
    role: 'responder',
    exchange: 'phase1',
    mode: 'main',
    platforms: ['ios-xe'],
    happy: [
      {
        to: 'IKE_P1_COMPLETE',
        platform: 'ios-xe',
        inputs: [
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
          'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
          'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
        ],
        sends: ['MM2', 'MM4', 'MM6'],
      },
    ],
  },
  {
    name: 'aggressiveModeInitiator',
    role: 'initiator',
    exchange: 'phase1',
    mode: 'aggressive',
    platforms: ['ios-xe'],
    happy: [
      {
        to: 'IKE_P1_COMPLETE',
        platform: 'ios-xe',
        inputs: ['IKE_MESG_FROM_IPSEC, IKE_SA_REQ_AM', 'IKE_MESG_FROM_PEER, IKE_AM_EXCH', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE'],
        sends: ['AM1', 'AM3'],
      },
    ],
  },
  {
    name: 'aggressiveModeResponder',
    role: 'responder',
    exchange: 'phase1',
    mode: 'aggressive',
    platforms: ['ios-xe'],
    happy: [
      {
        to: 'IKE_P1_COMPLETE',
        platform: 'ios-xe',
        inputs: ['IKE_MESG_FROM_PEER, IKE_AM_EXCH', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE', 'IKE_MESG_FROM_PEER, IKE_AM_EXCH'],
        sends: ['AM2'],
      },
    ],
  },
  {
    name: 'quickModeInitiator',
    role: 'initiator',
    exchange: 'quickmode',
    mode: 'main',
    platforms: ['ios-xe', 'ios'],
    happy: [
      {
        to: 'IKE_QM_PHASE2_COMPLETE',
        platform: 'ios-xe',
        inputs: ['IKE_MESG_INTERNAL, IKE_INIT_QM', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH', 'IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE'],
        sends: ['QM1', 'QM3'],
      },
      {
        to: 'IKE_QM_PHASE2_COMPLETE',
        platform: 'ios',
        inputs: ['IKE_MESG_INTERNAL, IKE_INIT_QM', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH'],
        sends: ['QM1', 'QM3'],
      },
    ],
  },
  {
    name: 'quickModeResponder',
    role: 'responder',
    exchange: 'quickmode',
    mode: 'main',
    platforms: ['ios-xe', 'ios'],
    happy: [
      {
        to: 'IKE_QM_PHASE2_COMPLETE',
        platform: 'ios-xe',
        inputs: [
          'IKE_MESG_FROM_PEER, IKE_QM_EXCH',
          'IKE_MESG_INTERNAL, IKE_GOT_SPI',
          'IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE',
          'IKE_MESG_FROM_PEER, IKE_QM_EXCH',
        ],
        sends: ['QM2'],
      },
      {
        to: 'IKE_QM_PHASE2_COMPLETE',
        platform: 'ios',
        inputs: ['IKE_MESG_FROM_PEER, IKE_QM_EXCH', 'IKE_MESG_INTERNAL, IKE_GOT_SPI', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH'],
        sends: ['QM2'],
      },
    ],
  },
];

/** `IKE_I_MM2 -IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE-> IKE_I_MM3`, with the guard when there is one. */
function transitionKey(state: string, eventType: string, target: string | undefined, guard: unknown): string {
  const guarded = typeof guard === 'string' ? ` [${guard}]` : '';
  return `${state} -${eventType}-> ${target ?? state}${guarded}`;
}

/** Every transition the machine's definition holds. */
function definedTransitions(machine: AnyStateMachine): Set<string> {
  const keys = new Set<string>();
  for (const [state, node] of Object.entries(machine.root.states)) {
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        keys.add(transitionKey(state, eventType, definition.target?.[0]?.key, definition.guard));
      }
    }
  }
  return keys;
}

/** Every transition taken while exploring all reachable snapshots with every event. */
function takenTransitions(machine: AnyStateMachine, platforms: Platform[]): Set<string> {
  const keys = new Set<string>();
  for (const platform of platforms) {
    const adjacency = getAdjacencyMap(machine, { events, input: { platform }, serializeState });
    for (const { state, event } of adjacencyMapToArray(adjacency)) {
      const taken = machine.getTransitionData(state as AnyMachineSnapshot, event) ?? [];
      const first = taken[0];
      if (first) keys.add(transitionKey(String(state.value), first.eventType, first.target?.[0]?.key, first.guard));
    }
  }
  return keys;
}

/** The messages a path sends, read from each step's context (what the machine remembered sending). */
function sentAlong(steps: { state: AnyMachineSnapshot }[]): ExchangeMessageName[] {
  const sent: ExchangeMessageName[] = [];
  let last: ExchangeMessageName | null = null;
  for (const { state } of steps) {
    const context = state.context as ExchangeContext;
    if (context.lastSent !== last && context.lastSent !== null) sent.push(context.lastSent);
    last = context.lastSent;
  }
  return sent;
}

for (const c of cases) {
  const machine = ALL_MACHINES[c.name] as AnyStateMachine;
  describe(c.name, () => {
    test('every defined transition is taken somewhere in the reachable state space', () => {
      const defined = definedTransitions(machine);
      const taken = takenTransitions(machine, c.platforms);
      expect(defined.size).toBeGreaterThan(5);
      expect([...defined].filter((key) => !taken.has(key))).toEqual([]);
      expect([...taken].filter((key) => !defined.has(key))).toEqual([]);
    });

    test('every state is reachable by a shortest path', () => {
      const reached = new Set<string>();
      for (const platform of c.platforms) {
        for (const path of getShortestPaths(machine, { events, input: { platform }, serializeState })) {
          reached.add(String(path.state.value));
        }
      }
      expect([...reached].sort()).toEqual(Object.keys(machine.root.states).sort());
    });

    for (const happy of c.happy) {
      test(`shortest path to ${happy.to} on ${happy.platform} follows the IOS order`, () => {
        const paths = getShortestPaths(machine, {
          events,
          input: { platform: happy.platform },
          serializeState,
          toState: (s) => s.value === happy.to,
        }).filter((p) => p.state.value === happy.to);
        const shortest = paths.reduce((a, b) => (b.steps.length < a.steps.length ? b : a));
        const inputs = shortest.steps.slice(1).map((s) => printInput(s.event));
        expect(inputs).toEqual(happy.inputs);
        expect(sentAlong(shortest.steps as { state: AnyMachineSnapshot }[])).toEqual(happy.sends);
      });

      test(`every simple path to ${happy.to} on ${happy.platform} sends ${happy.sends.join(', ')} in order`, () => {
        const paths = getSimplePaths(machine, {
          events,
          input: { platform: happy.platform, maxRetransmits: 1 },
          serializeState,
        }).filter((p) => p.state.value === happy.to);
        expect(paths.length).toBeGreaterThan(0);
        for (const path of paths) {
          const sent = sentAlong(path.steps as { state: AnyMachineSnapshot }[]);
          expect(sent).toEqual(happy.sends);
        }
      });
    }

    // The model as a test model whose system under test is the log replay: each path, printed as the
    // transitions a router would log, must replay with every step allowed and end where the path ends.
    for (const platform of c.platforms) {
      const model = createTestModel(machine, { events, input: { platform, maxRetransmits: 1 }, serializeState });
      const paths = [...model.getShortestPaths(), ...model.getSimplePaths()];
      test(`${paths.length} shortest and simple paths on ${platform} replay as logs with every step allowed`, async () => {
        expect(paths.length).toBeGreaterThan(2);
        for (const path of paths) {
          const observed: ObservedTransition[] = [];
          let previous = String(path.steps[0]?.state.value);
          const record = (step: { state: AnyMachineSnapshot; event: IkeEvent }) => {
            const to = String(step.state.value);
            const { source, event } = ikeInput(step.event);
            observed.push({ from: previous, to, source, event });
            previous = to;
          };
          const check = (state: AnyMachineSnapshot) => {
            const steps = replayTransitions(c.role, c.exchange, observed, { mode: c.mode, platform });
            expect(steps.filter((s) => !s.allowed)).toEqual([]);
            expect(steps.at(-1)?.state ?? String(path.steps[0]?.state.value)).toBe(String(state.value));
          };
          await path.test({
            events: Object.fromEntries(IKE_EVENT_TYPES.map((type) => [type, record])),
            states: Object.fromEntries(Object.keys(machine.root.states).map((name) => [name, check])),
          });
        }
      });
    }

    test('an unanswered message is retransmitted up to the limit, then the exchange gives up', () => {
      const paths = getShortestPaths(machine, { events, input: { platform: 'ios-xe', maxRetransmits: 2 }, serializeState });
      const gaveUp = paths.filter((p) => (p.state.context as ExchangeContext).deleteReason?.startsWith('Death by retransmission'));
      expect(gaveUp.length).toBeGreaterThan(0);
      for (const path of gaveUp) {
        const timers = path.steps.filter((s) => s.event.type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED');
        // Two retransmissions, then the expiry that gives up.
        expect(timers.length).toBe(3);
      }
    });
  });
}
