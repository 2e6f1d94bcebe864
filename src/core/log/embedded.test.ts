import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { IkeEvent } from './events.ts';
import { EMBEDDED_MIN_LENGTH, embeddedRecords } from './embedded.ts';
import { rebuild, splitLines } from './lines.ts';
import { readLog } from './read-log.ts';
import { lineAnnotation, recordRows } from './record-table.ts';

const FLAT = 'corpus/19-flattened-pdf-text-initiator-mm1-mm3-studylib.log';
const text = readFileSync(new URL(`../../../fixtures/${FLAT}`, import.meta.url), 'utf8');
/** The one physical line of corpus 19 that holds the slide text and the IOS records. */
const flat = splitLines(text)[5]?.raw ?? '';

/** Slide prose around the records, long enough that the line is searched. */
const PROSE = 'The initiator should receive the MM2 packet (UDP/500) process it. '.repeat(5);

function pieces(line: string): string[] {
  return (embeddedRecords(line) ?? []).map((s) => line.slice(s.start, s.end).trim());
}

/** Each case: a long line and the records it must be cut into (timestamps kept, trailing blanks left off). */
const cases: { name: string; line: string; records: string[] | null }[] = [
  {
    name: 'corpus 19: six IOS records, four months torn from their records and printed in a row',
    line: flat,
    records: [
      '*Feb 1 21:44:23.314: ISAKMP (0): received packet from 1.1.1.102 dport 500 sport 500 Global (I) MM_NO_STATE',
      '*Feb 1 21:44:23.314: ISAKMP:(0):Old State = IKE_I_MM1 New State = IKE_I_MM2 Debugs on IOS show:',
      '*Feb 1 21:44:23.315: ISAKMP:(0): sending packet to 1.1.1.102 my_port 500 peer_port 500 (I) MM_SA_SETUP',
      '21:44:23.315: ISAKMP:(0):Sending an IKE IPv4 Packet.',
      '21:44:23.315: ISAKMP:(0):Input = IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
      '21:44:23.315: ISAKMP:(0):Old State = IKE_I_MM2 New State = IKE_I_MM3 The res',
    ],
  },
  {
    name: 'uptime stamps, IPSEC( and %CRYPTO- heads (corpus 13 and 21 lines run together)',
    line: `${PROSE}00:27:07: ISAKMP (0:1): beginning Main Mode exchange 00:27:08: IPSEC(key_engine): got a queue event... *Mar  1 00:42:09.431: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.1.20.2 failed its sanity check or is malformed`,
    records: [
      '00:27:07: ISAKMP (0:1): beginning Main Mode exchange',
      '00:27:08: IPSEC(key_engine): got a queue event...',
      '*Mar  1 00:42:09.431: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.1.20.2 failed its sanity check or is malformed',
    ],
  },
  {
    name: 'ISAKMP-PAK and ISAKMP-ERROR heads without timestamps (corpus 01 lines run together)',
    line: `${PROSE}ISAKMP-PAK: (0):sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) MM_NO_STATE ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1!`,
    records: ['ISAKMP-PAK: (0):sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) MM_NO_STATE', 'ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1!'],
  },
  {
    name: 'a conn-id of 0 before a stamp is not taken for a torn day of the month',
    line: `${PROSE}ISAKMP: Created a peer struct for 1.1.1.102, peer port 500 conn 0 21:44:23.315: ISAKMP:(0):Old State = IKE_READY New State = IKE_I_MM1`,
    records: ['ISAKMP: Created a peer struct for 1.1.1.102, peer port 500 conn 0', '21:44:23.315: ISAKMP:(0):Old State = IKE_READY New State = IKE_I_MM1'],
  },
  {
    name: 'prose naming ISAKMP is not a record: one head is not enough',
    line: `${PROSE}We should see ISAKMP initiate. IPv4 Crypto ISAKMP SA dst src state conn-id status ISAKMP policy *Feb 1 21:44:23.314: ISAKMP (0): received packet from 1.1.1.102 dport 500 sport 500 Global (I) MM_NO_STATE`,
    records: null,
  },
  {
    name: 'a keyword glued to a word is not a head',
    line: `${PROSE}xISAKMP:(0): one and fooIPSEC(key_engine): two`,
    records: null,
  },
  {
    name: 'a short line is never searched',
    line: 'ISAKMP:(0):Sending an IKE IPv4 Packet. ISAKMP:(0):Input = IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
    records: null,
  },
];

describe('embeddedRecords', () => {
  for (const c of cases) {
    test(c.name, () => {
      if (c.records === null) expect(embeddedRecords(c.line)).toBeNull();
      else expect(pieces(c.line)).toEqual(c.records);
    });
  }

  test('the records follow each other and the text before the first is left out', () => {
    const spans = embeddedRecords(flat) ?? [];
    expect(flat.slice(0, spans[0]?.start).endsWith('Debugs on IOS show: ')).toBe(true);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.at(-1)?.end).toBe(flat.length);
    expect(flat.length).toBeGreaterThan(EMBEDDED_MIN_LENGTH);
  });
});

describe('the reader on a line of embedded records', () => {
  const log = readLog(text);

  test('the line is a debug line of its first record, nothing lost', () => {
    expect(log.kinds).toEqual(['prose', 'prose', 'prose', 'prose', 'prose', 'debug']);
    expect(log.lineRecords[5]).toBe(0);
    expect(rebuild(splitLines(text))).toBe(text);
    expect(log.unrecognized).toEqual([]);
  });

  test('each record read on its own, with its time and the line number; prose after a record left unused', () => {
    const shape = (e: IkeEvent): string => {
      switch (e.type) {
        case 'packet':
          return `${e.dir} ${e.peer} ${e.role} ${e.state}`;
        case 'fsm-state':
          return `${e.from} -> ${e.to}`;
        case 'fsm-input':
          return `input ${e.source}, ${e.event}`;
        default:
          return e.type;
      }
    };
    expect(log.events.map(shape)).toEqual([
      'in 1.1.1.102 I MM_NO_STATE',
      'IKE_I_MM1 -> IKE_I_MM2',
      'out 1.1.1.102 I MM_SA_SETUP',
      'packet-sent',
      'input IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE',
      'IKE_I_MM2 -> IKE_I_MM3',
    ]);
    expect(log.events.every((e) => e.at.line === 6 && e.conn === 0)).toBe(true);
    expect(log.events.map((e) => e.time)).toEqual([78263314, 78263314, 78263315, 78263315, 78263315, 78263315]);
    expect(recordRows(log.records).map((r) => r.first.line)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  test('the line says what each of its records means, in order', () => {
    const rows = recordRows(log.records);
    const said = lineAnnotation(log.records, log.lineRecords[5] ?? -1);
    expect(rows.every((r) => r.annotation !== null)).toBe(true);
    expect(said).toBe(rows.map((r) => r.annotation).join(' '));
    expect(said).toContain('IKE_I_MM1 to IKE_I_MM2');
    expect(said).toContain('IKE_I_MM2 to IKE_I_MM3');
  });

  test('the line belongs to its first record that is understood', () => {
    const line = `${PROSE}ISAKMP:(0):zzz qqq *Feb 1 21:44:23.314: ISAKMP:(0):Old State = IKE_I_MM1 New State = IKE_I_MM2`;
    const r = readLog(line);
    expect(r.kinds).toEqual(['debug']);
    expect(recordRows(r.records).map((x) => x.annotation)).toEqual([null, 'State changes from IKE_I_MM1 to IKE_I_MM2.']);
    expect(r.lineRecords).toEqual([1]);
  });

  test('a long line of records none of which is understood is unrecognized, not dropped', () => {
    const line = `${PROSE}ISAKMP:(0):zzz qqq ISAKMP:(0):yyy www`;
    const r = readLog(`intro\n${line}\n`);
    expect(r.kinds).toEqual(['prose', 'unrecognized']);
    expect(r.unrecognized).toEqual([{ file: 0, line: 2 }]);
    expect(r.events).toEqual([]);
  });
});
