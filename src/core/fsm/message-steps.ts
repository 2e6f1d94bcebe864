/**
 * What each side of an exchange sends and receives, in order, read from the machines themselves: the path of
 * transitions from a machine's first state to its `complete` state, each `send` action a message sent, each
 * event from the peer a message received (the peer's next message sent). Naming a logged packet and the
 * simulated wire read this table, so the machines stay the one definition of an exchange's messages.
 */
import type { AnyStateMachine } from 'xstate';
import type { ExchangeMessageName } from '../ike/messages.ts';
import { otherSide, type Side } from '../ike/sides.ts';
import { isFromPeer } from './events.ts';
import { machineFor, type Exchange, type Phase1Mode } from './machines.ts';

/** One message of a side's path through an exchange. */
export interface MessageStep {
  dir: 'out' | 'in';
  message: ExchangeMessageName;
  /** How many messages this side had received before this one. */
  received: number;
}

/** The exchanges a negotiation is made of: phase 1 in one of its modes, and Quick Mode. */
export type ExchangeKind = Phase1Mode | 'quick';

interface Move {
  dir: 'out' | 'in';
  /** The message sent; a message received is named from the peer's moves. */
  message: ExchangeMessageName | null;
}

/** The moves of the shortest path from the machine's first state to its `complete` one. */
function movesOf(machine: AnyStateMachine): Move[] {
  const start = machine.root.initial.target[0];
  if (start === undefined) return [];
  const paths = new Map<string, Move[]>([[start.key, []]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i] as (typeof queue)[number];
    const path = paths.get(node.key) ?? [];
    if (node.tags.includes('complete')) return path;
    for (const [eventType, transitions] of node.transitions) {
      for (const t of transitions) {
        const target = t.target?.[0];
        if (target === undefined || paths.has(target.key)) continue;
        const moves: Move[] = isFromPeer(eventType) ? [{ dir: 'in', message: null }] : [];
        for (const a of t.actions) {
          const params = (a as { type?: unknown; params?: { message?: ExchangeMessageName } }).params;
          if ((a as { type?: unknown }).type === 'send' && params?.message !== undefined) moves.push({ dir: 'out', message: params.message });
        }
        paths.set(target.key, [...path, ...moves]);
        queue.push(target);
      }
    }
  }
  return [];
}

function stepsOf(exchange: Exchange, mode: Phase1Mode, side: Side): MessageStep[] {
  const own = movesOf(machineFor(side, exchange, mode));
  const peerSent = movesOf(machineFor(otherSide(side), exchange, mode)).filter((m) => m.dir === 'out');
  const steps: MessageStep[] = [];
  let received = 0;
  for (const move of own) {
    const message = move.dir === 'out' ? move.message : (peerSent[received]?.message ?? null);
    if (message === null) continue;
    steps.push({ dir: move.dir, message, received });
    if (move.dir === 'in') received += 1;
  }
  return steps;
}

const KINDS: readonly ExchangeKind[] = ['main', 'aggressive', 'quick'];

const TABLE = new Map<string, readonly MessageStep[]>(
  KINDS.flatMap((kind) =>
    (['initiator', 'responder'] as const).map((side) => [`${kind}|${side}`, stepsOf(kind === 'quick' ? 'quickmode' : 'phase1', kind === 'quick' ? 'main' : kind, side)]),
  ),
);

/** What `side` sends and receives in `exchange`, in order. */
export function messageSteps(exchange: ExchangeKind, side: Side): readonly MessageStep[] {
  return TABLE.get(`${exchange}|${side}`) ?? [];
}

/** Where `message` is sent in an exchange: its sender's steps and its index among them. */
function sending(message: ExchangeMessageName): { steps: readonly MessageStep[]; at: number } | null {
  for (const steps of TABLE.values()) {
    const at = steps.findIndex((s) => s.dir === 'out' && s.message === message);
    if (at >= 0) return { steps, at };
  }
  return null;
}

/** The message its sender received just before sending `message` (what it answers); null for a first message. */
export function answers(message: ExchangeMessageName): ExchangeMessageName | null {
  const where = sending(message);
  const before = where === null ? undefined : where.steps[where.at - 1];
  return before?.dir === 'in' ? before.message : null;
}

/** Whether the sender of `message` waits for an answer to it (its next step is to receive), so a timer resends it. */
export function awaitsAnswer(message: ExchangeMessageName): boolean {
  const where = sending(message);
  return where !== null && where.steps[where.at + 1]?.dir === 'in';
}
