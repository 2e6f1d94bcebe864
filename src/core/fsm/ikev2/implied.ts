/**
 * The IKEv2 states a router passed through, implied by the packets it sent and received when its log prints no
 * SM Trace line (`debug crypto ikev2` without `internal`): the cheapest walk through the machine of its side that
 * sends and receives the logged packets in order (`send` and `receive` actions), and reaches READY when the IKE
 * SA is known to be up. The machine is the only definition of the order; a packet it does not allow where the
 * log puts it (the model would first send or receive a message the log does not show) is flagged, as the replay
 * of printed states flags a step it does not allow. An excerpt that starts later than IDLE starts where its first
 * packet is.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import { ikev2Machine, type Ikev2Steps } from './replay.ts';

/** One packet the router printed, in its log's order (resends left out). */
export interface ObservedPacket {
  message: Ikev2MessageName;
  dir: 'out' | 'in';
  /** A response this router sent that refuses the IKE SA (an error notify in IKE_SA_INIT, AUTHENTICATION_FAILED). */
  refuses: boolean;
  /** The notifies it carries (`INVALID_SPI`): a step named for sending one (`EV_SEND_INVALID_SPI`) is taken only for it. */
  notifies: readonly string[];
}

export interface ImpliedStep {
  from: string;
  to: string;
  /** The machine's event for the step, never printed by the log. */
  event: string;
  /** The packet the step belongs to: it is taken for it, or on the way to it; the last packet's for the steps after it. */
  packet: number;
  /** The step sends or receives that packet. */
  carries: boolean;
  allowed: boolean;
  explanation?: string;
}

interface Edge {
  event: string;
  next: AnyMachineSnapshot;
  send: Ikev2MessageName | null;
  receive: Ikev2MessageName | null;
  fails: boolean;
}

/** A step off the log's path: a message the log does not show, sent or received. */
const SKIP = 1000;
/** Starting after IDLE: the excerpt begins mid-negotiation. */
const LATE_START = 500;

function actionsOf(t: { actions: readonly unknown[] }): { send: Ikev2MessageName | null; receive: Ikev2MessageName | null; fails: boolean } {
  let send: Ikev2MessageName | null = null;
  let receive: Ikev2MessageName | null = null;
  let fails = false;
  for (const a of t.actions) {
    const action = a as { type?: unknown; params?: { message?: Ikev2MessageName } };
    if (action.type === 'send') send = action.params?.message ?? null;
    else if (action.type === 'receive') receive = action.params?.message ?? null;
    else if ((a as unknown) === 'fail' || action.type === 'fail') fails = true;
  }
  return { send, receive, fails };
}

function key(s: AnyMachineSnapshot): string {
  return `${String(s.value)}|${(s.context as { failed?: boolean }).failed === true ? 1 : 0}`;
}

/** Each step the machine can take from a snapshot, with what it puts on or takes off the wire; remembered per machine. */
class Edges {
  private readonly known = new Map<string, Edge[]>();

  constructor(
    private readonly side: Side,
    private readonly machine: AnyStateMachine,
    private readonly steps: Ikev2Steps,
  ) {}

  from(s: AnyMachineSnapshot): Edge[] {
    const k = key(s);
    let out = this.known.get(k);
    if (out !== undefined) return out;
    out = [];
    const node = this.machine.root.states[String(s.value)];
    for (const [event, list] of node?.transitions ?? []) {
      const next = this.steps.next(this.side, this.machine, s, event);
      if (next.value === s.value) continue;
      const taken = list.find((t) => t.target?.[0]?.key === next.value) ?? list[0];
      if (taken === undefined) continue;
      out.push({ event, next, ...actionsOf(taken) });
    }
    this.known.set(k, out);
    return out;
  }
}

interface Node {
  snap: AnyMachineSnapshot;
  at: number;
  ready: boolean;
  cost: number;
  back: { node: Node; edge: Edge; skipped: Ikev2MessageName | null } | null;
}

/** A step named for sending a notify (`EV_SEND_INVALID_SPI`) leads only to a packet that carries it. */
function leadsTo(e: Edge, p: ObservedPacket | undefined): boolean {
  if (!e.event.startsWith('EV_SEND_')) return true;
  return p !== undefined && p.notifies.includes(e.event.slice(8));
}

function matches(e: Edge, p: ObservedPacket | undefined): boolean {
  if (p === undefined) return false;
  if (p.dir === 'out') return e.send === p.message && e.fails === p.refuses;
  return e.receive === p.message;
}

/**
 * The implied steps of one router: `packets` in its log's order, `up` whether the IKE SA is known to be up.
 * Dijkstra over (state, packets consumed, READY passed); the graph is a dozen states, each packet a layer.
 */
export function impliedIkev2Steps(side: Side, packets: readonly ObservedPacket[], up: boolean, steps: Ikev2Steps): ImpliedStep[] {
  if (packets.length === 0) return [];
  const machine = ikev2Machine(side);
  const edges = new Edges(side, machine, steps);
  const idle = machine.resolveState({ value: 'IDLE', context: { failed: false } });
  const open: Node[] = [{ snap: idle, at: 0, ready: false, cost: 0, back: null }];
  // an excerpt may begin mid-way: any state its first packet can be sent or received from
  for (const name of Object.keys(machine.root.states)) {
    if (name === 'IDLE') continue;
    const snap = machine.resolveState({ value: name, context: { failed: false } });
    if (edges.from(snap).some((e) => matches(e, packets[0]))) open.push({ snap, at: 0, ready: name === 'READY', cost: LATE_START, back: null });
  }
  const best = new Map<string, number>();
  const seen = (n: Node): string => `${key(n.snap)}|${n.at}|${n.ready ? 1 : 0}`;
  for (;;) {
    let i = -1;
    for (let j = 0; j < open.length; j += 1) if (i < 0 || open[j]!.cost < open[i]!.cost) i = j;
    if (i < 0) return [];
    const node = open.splice(i, 1)[0]!;
    if (node.at === packets.length && (!up || node.ready)) return unwind(node, packets.length, side);
    const id = seen(node);
    if ((best.get(id) ?? Infinity) < node.cost) continue;
    for (const e of edges.from(node.snap)) {
      const hit = matches(e, packets[node.at]);
      const carries = e.send !== null || e.receive !== null;
      // never imply a failure the log does not show, nor a message it does not show unless nothing else fits
      if (!hit && e.fails) continue;
      if (!leadsTo(e, packets[node.at])) continue;
      const skipped = !hit && carries ? (e.send ?? e.receive) : null;
      const next: Node = {
        snap: e.next,
        at: hit ? node.at + 1 : node.at,
        ready: node.ready || e.next.value === 'READY',
        cost: node.cost + (skipped !== null ? SKIP : 1),
        back: { node, edge: e, skipped },
      };
      const nid = seen(next);
      if ((best.get(nid) ?? Infinity) <= next.cost) continue;
      best.set(nid, next.cost);
      open.push(next);
    }
  }
}

function unwind(end: Node, count: number, side: Side): ImpliedStep[] {
  const out: ImpliedStep[] = [];
  for (let n: Node | null = end; n?.back != null; n = n.back.node) {
    const { node, edge, skipped } = n.back;
    const step: ImpliedStep = { from: String(node.snap.value), to: String(edge.next.value), event: edge.event, packet: Math.min(node.at, count - 1), carries: n.at > node.at, allowed: skipped === null };
    if (skipped !== null) step.explanation = `The IKEv2 ${side} model ${edge.send !== null ? 'sends' : 'receives'} ${skipped} on the way from ${step.from} to ${step.to}; the log shows no such packet before this one.`;
    out.push(step);
  }
  return out.reverse();
}
