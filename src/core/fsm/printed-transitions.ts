/**
 * The state changes a router printed, straight from debug text: each `Old State = X  New State = Y`
 * paired with the `Input =` printed just before it (none when the paste has no such line), split into
 * the phase 1 stream and one stream per Quick Mode node. It scans the whole text rather than lines,
 * because pastes flatten and wrap lines. Used to replay logs and simulated output through the machines.
 */
import type { Exchange } from './machines.ts';
import type { ObservedTransition } from './replay.ts';

export interface PrintedStream {
  exchange: Exchange;
  /** 'phase1', or the Quick Mode node (message ID) as printed; 'node?' when no `Node` was printed. */
  key: string;
  transitions: ObservedTransition[];
}

const TOKEN = /(?:Node (-?\d+), )?Input = (IKE_MESG_[A-Z_]+), ([A-Z0-9_]+)|Old State = ([A-Z0-9_]+) +New State = ([A-Z0-9_]+)/g;

export function printedTransitions(text: string): PrintedStream[] {
  const streams = new Map<string, PrintedStream>();
  let pending: { node: string | undefined; source: string; event: string } | undefined;
  for (const m of text.matchAll(TOKEN)) {
    const [, node, source, event, from, to] = m;
    if (source !== undefined && event !== undefined) {
      pending = { node, source, event };
      continue;
    }
    if (from === undefined || to === undefined) continue;
    const quick = from.startsWith('IKE_QM_');
    const key = quick ? (pending?.node ?? 'node?') : 'phase1';
    let stream = streams.get(key);
    if (!stream) {
      stream = { exchange: quick ? 'quickmode' : 'phase1', key, transitions: [] };
      streams.set(key, stream);
    }
    stream.transitions.push({ from, to, source: pending?.source ?? '', event: pending?.event ?? '' });
    pending = undefined;
  }
  return [...streams.values()];
}
