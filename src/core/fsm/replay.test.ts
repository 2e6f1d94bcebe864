/**
 * Replay of every `Old State = X  New State = Y` sequence in the seed and the corpus through the
 * machines, and of the paths the corpus README lists, plus hand-made departures from the model to
 * check that they are flagged, explained, and that replay picks up again after them.
 */
import type { Side } from '../ike/sides.ts';
import type { Exchange } from './machines.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { printedTransitions as extractStreams } from './printed-transitions.ts';
import { replayTransitions, type ObservedTransition } from './replay.ts';

const fixtures = new URL('../../../fixtures/', import.meta.url);

/** A corpus file's verbatim body: its leading `#` lines are the curator's header (source, notes). */
function body(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(first).join('\n');
}

function slice(text: string, fromLine: number, toLine: number): string {
  return text
    .split('\n')
    .slice(fromLine - 1, toLine)
    .join('\n');
}

interface LogCase {
  name: string;
  file: string;
  /** 1-based inclusive line range of one router's output, when the file holds more than one router. */
  lines?: [number, number];
  role: Side;
  /** Expected streams: how many transitions each holds and where each ends. */
  streams: { key: string; count: number; last: string }[];
}

const logCases: LogCase[] = [
  {
    name: 'seed, R3 responder',
    file: 'seed/ios-ikev1-main-mode-debugs.txt',
    lines: [140, 520],
    role: 'responder',
    streams: [
      { key: 'phase1', count: 9, last: 'IKE_P1_COMPLETE' },
      { key: '1371333358', count: 3, last: 'IKE_QM_PHASE2_COMPLETE' },
    ],
  },
  {
    name: 'seed, R2 initiator',
    file: 'seed/ios-ikev1-main-mode-debugs.txt',
    lines: [521, 100000],
    role: 'initiator',
    streams: [
      { key: 'phase1', count: 11, last: 'IKE_P1_COMPLETE' },
      { key: '1371333358', count: 2, last: 'IKE_QM_PHASE2_COMPLETE' },
    ],
  },
  {
    name: '01 IOS-XE initiator, crypto map',
    file: 'corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log',
    role: 'initiator',
    streams: [
      { key: 'phase1', count: 11, last: 'IKE_P1_COMPLETE' },
      { key: '1327257875', count: 3, last: 'IKE_QM_PHASE2_COMPLETE' },
    ],
  },
  {
    name: '06 IOS-XE initiator behind NAT',
    file: 'corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log',
    role: 'initiator',
    streams: [
      { key: 'phase1', count: 11, last: 'IKE_P1_COMPLETE' },
      { key: '1025971884', count: 3, last: 'IKE_QM_PHASE2_COMPLETE' },
    ],
  },
  {
    name: '07 IOS-XE Quick Mode responder',
    file: 'corpus/07-qm-responder-iosxe-cryptomap-pppoe.log',
    role: 'responder',
    streams: [{ key: '3329780046', count: 4, last: 'IKE_QM_PHASE2_COMPLETE' }],
  },
  {
    name: '08 IOS 12.4 initiator with PFS, mangled paste',
    file: 'corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log',
    role: 'initiator',
    streams: [
      { key: 'phase1', count: 11, last: 'IKE_P1_COMPLETE' },
      { key: '-426260398', count: 2, last: 'IKE_QM_PHASE2_COMPLETE' },
    ],
  },
  {
    // Transcribed without any `Input =` line: each step is checked as an edge of the model.
    name: '10 transcribed initiator, no inputs printed',
    file: 'corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log',
    role: 'initiator',
    streams: [{ key: 'phase1', count: 6, last: 'IKE_P1_COMPLETE' }],
  },
  {
    name: '14 wrapped 12.4T initiator',
    file: 'corpus/14-mm-start-initiator-pastebin-wrapped-80col.log',
    role: 'initiator',
    streams: [{ key: 'phase1', count: 1, last: 'IKE_I_MM1' }],
  },
  {
    // The first transition has no `Input =` before it in the flattened slide text.
    name: '19 flattened slide text',
    file: 'corpus/19-flattened-pdf-text-initiator-mm1-mm3-studylib.log',
    role: 'initiator',
    streams: [{ key: 'phase1', count: 2, last: 'IKE_I_MM3' }],
  },
];

describe('replay of real logs', () => {
  for (const c of logCases) {
    test(`${c.name}: every transition is allowed`, () => {
      const text = readFileSync(new URL(c.file, fixtures), 'utf8');
      const streams = extractStreams(c.lines ? slice(text, ...c.lines) : body(text));
      expect(streams.map((s) => s.key)).toEqual(c.streams.map((s) => s.key));
      for (const [i, stream] of streams.entries()) {
        const expected = c.streams[i];
        const steps = replayTransitions(c.role, stream.exchange, stream.transitions);
        expect(steps.filter((s) => !s.allowed)).toEqual([]);
        expect(steps.length).toBe(expected?.count);
        expect(steps.at(-1)?.state).toBe(expected?.last);
      }
    });
  }

  test('logs with no state lines give nothing to replay', () => {
    for (const file of ['02-no-psk-configured-initiator-iosxe.log', '21-psk-mismatch-ikmp-bad-message-single-line.log']) {
      expect(extractStreams(body(readFileSync(new URL(`corpus/${file}`, fixtures), 'utf8')))).toEqual([]);
    }
  });
});

const t = (from: string, to: string, input = ''): ObservedTransition => {
  const [source = '', event = ''] = input.split(', ');
  return { from, to, source, event };
};

interface PathCase {
  name: string;
  role: Side;
  exchange: Exchange;
  options?: Parameters<typeof replayTransitions>[3];
  transitions: ObservedTransition[];
  /** Indexes of the steps the model must refuse, with a fragment of each explanation. */
  refused: { index: number; says: string }[];
  states?: string[];
}

const pathCases: PathCase[] = [
  {
    // corpus README, "Typical paths", and a published PFS-mismatch debug: a RESPONDER_LIFETIME notify in
    // IKE_I_MM6, a PROPOSAL_NOT_CHOSEN notify under the complete SA, the peer's DELETE, a late MM packet.
    name: 'initiator: responder lifetime, refused Quick Mode, DELETE',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [
      t('IKE_I_MM5', 'IKE_I_MM6', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH'),
      t('IKE_I_MM6', 'IKE_I_MM6', 'IKE_MESG_FROM_PEER, IKE_INFO_NOTIFY'),
      t('IKE_I_MM6', 'IKE_I_MM6', 'IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE'),
      t('IKE_I_MM6', 'IKE_P1_COMPLETE', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE'),
      t('IKE_P1_COMPLETE', 'IKE_P1_COMPLETE', 'IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE'),
      t('IKE_P1_COMPLETE', 'IKE_P1_COMPLETE', 'IKE_MESG_FROM_PEER, IKE_INFO_NOTIFY'),
      t('IKE_P1_COMPLETE', 'IKE_DEST_SA', 'IKE_MESG_INTERNAL, IKE_PHASE1_DEL'),
      t('IKE_DEST_SA', 'IKE_DEST_SA', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH'),
    ],
    refused: [],
  },
  {
    name: 'responder: rejected Quick Mode stays in IKE_QM_READY',
    role: 'responder',
    exchange: 'quickmode',
    transitions: [t('IKE_QM_READY', 'IKE_QM_READY', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH')],
    refused: [],
  },
  {
    name: 'initiator gives up: Death by retransmission P1',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [
      t('IKE_READY', 'IKE_I_MM1', 'IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM'),
      t('IKE_I_MM1', 'IKE_DEST_SA', 'IKE_MESG_INTERNAL, IKE_PHASE1_DEL'),
    ],
    refused: [],
  },
  {
    // IOS prints no line per retransmission, so the count is unknown: an expiry may resend or give up.
    name: 'a retransmission timer expiring: resend, then give up',
    role: 'responder',
    exchange: 'phase1',
    transitions: [
      t('IKE_R_MM4', 'IKE_R_MM4', 'IKE_MESG_FROM_TIMER, IKE_TIMER_EXPIRED'),
      t('IKE_R_MM4', 'IKE_DEST_SA', 'IKE_MESG_FROM_TIMER, IKE_TIMER_EXPIRED'),
    ],
    refused: [],
  },
  {
    name: 'the SA lifetime expiring under an established SA',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [t('IKE_P1_COMPLETE', 'IKE_DEST_SA', 'IKE_MESG_FROM_TIMER, IKE_TIMER_EXPIRED')],
    refused: [],
  },
  {
    name: 'Aggressive Mode, both sides',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [
      t('IKE_READY', 'IKE_I_AM1', 'IKE_MESG_FROM_IPSEC, IKE_SA_REQ_AM'),
      t('IKE_I_AM1', 'IKE_I_AM2', 'IKE_MESG_FROM_PEER, IKE_AM_EXCH'),
      t('IKE_I_AM2', 'IKE_P1_COMPLETE', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE'),
    ],
    refused: [],
  },
  {
    name: 'responder skips sending MM2, then carries on',
    role: 'responder',
    exchange: 'phase1',
    transitions: [
      t('IKE_READY', 'IKE_R_MM1', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH'),
      t('IKE_R_MM1', 'IKE_R_MM3', 'IKE_MESG_FROM_PEER, IKE_MM_EXCH'),
      t('IKE_R_MM3', 'IKE_R_MM3', 'IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE'),
      t('IKE_R_MM3', 'IKE_R_MM4', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE'),
    ],
    refused: [
      {
        index: 1,
        says: 'IKE_R_MM3 does not follow IKE_R_MM1 on IKE_MESG_FROM_PEER, IKE_MM_EXCH. In IKE_R_MM1 (MM1 received',
      },
    ],
    states: ['IKE_R_MM1', 'IKE_R_MM3', 'IKE_R_MM3', 'IKE_R_MM4'],
  },
  {
    name: 'the right input leading to the wrong state',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [t('IKE_I_MM2', 'IKE_I_MM4', 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE')],
    refused: [{ index: 0, says: 'On that input the model goes to IKE_I_MM3 (MM3 sent' }],
  },
  {
    name: 'a 12.4-style Quick Mode on a router declared IOS-XE',
    role: 'initiator',
    exchange: 'quickmode',
    options: { platform: 'ios-xe' },
    transitions: [
      t('IKE_QM_READY', 'IKE_QM_I_QM1', 'IKE_MESG_INTERNAL, IKE_INIT_QM'),
      t('IKE_QM_I_QM1', 'IKE_QM_PHASE2_COMPLETE', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH'),
    ],
    refused: [{ index: 1, says: 'goes to IKE_QM_IPSEC_INSTALL_AWAIT' }],
  },
  {
    name: 'nothing follows a completed Quick Mode',
    role: 'responder',
    exchange: 'quickmode',
    transitions: [t('IKE_QM_PHASE2_COMPLETE', 'IKE_QM_R_QM2', 'IKE_MESG_FROM_PEER, IKE_QM_EXCH')],
    refused: [{ index: 0, says: 'ends the exchange: nothing follows it' }],
  },
  {
    name: 'an initiator state in a responder log, an unknown input',
    role: 'responder',
    exchange: 'phase1',
    transitions: [
      t('IKE_READY', 'IKE_I_MM1', 'IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM'),
      t('IKE_READY', 'IKE_R_MM1', 'IKE_MESG_FROM_PEER, IKE_XAUTH_REQUEST'),
      t('IKE_R_MM1', 'IKE_R_MM1', 'IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE'),
    ],
    refused: [
      { index: 0, says: 'IKE_I_MM1 is not a state of the Main Mode responder model' },
      { index: 1, says: 'IKE_MESG_FROM_PEER, IKE_XAUTH_REQUEST is not an input the model knows' },
    ],
    states: ['IKE_READY', 'IKE_R_MM1', 'IKE_R_MM1'],
  },
  {
    name: 'a step printed without its input that no input explains',
    role: 'initiator',
    exchange: 'phase1',
    transitions: [t('IKE_I_MM1', 'IKE_I_MM5')],
    refused: [{ index: 0, says: 'on any input (the log prints none for this step)' }],
  },
];

describe('replay of paths in and out of the model', () => {
  for (const c of pathCases) {
    test(c.name, () => {
      const steps = replayTransitions(c.role, c.exchange, c.transitions, c.options);
      expect(steps).toHaveLength(c.transitions.length);
      const refused = steps.flatMap((s, index) => (s.allowed ? [] : [{ index, explanation: s.explanation ?? '' }]));
      expect(refused.map((r) => r.index)).toEqual(c.refused.map((r) => r.index));
      for (const [i, r] of c.refused.entries()) expect(refused[i]?.explanation).toContain(r.says);
      // Allowed steps carry no explanation; refused ones always do.
      for (const s of steps) expect(s.explanation === undefined).toBe(s.allowed);
      if (c.states) expect(steps.map((s) => s.state)).toEqual(c.states);
    });
  }
});
