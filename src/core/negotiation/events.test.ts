/**
 * The builder fed typed events directly, without text: each event as the log reader would emit it. What is
 * tested is the builder's own reasoning (naming, resends, routing, merging), whatever the reader's.
 */
import { describe, expect, test } from 'vitest';
import type { IkeEvent, IkeEventBody } from '../log/events.ts';
import { RecordTableBuilder } from '../log/record-table.ts';
import { NegotiationBuilder } from './build.ts';
import { finalizeNegotiations } from './finalize.ts';

type Body = IkeEventBody;

/** Events of one file, one record per line, each a second after the last. */
function eventsOf(records: RecordTableBuilder, file: number, bodies: readonly Body[]): IkeEvent[] {
  return bodies.map((body, i) => {
    const line = i + 1;
    return { ...body, at: { file, line }, record: records.add(file, line), time: 1000 * line, conn: null } as IkeEvent;
  });
}

function build(files: readonly (readonly Body[])[]) {
  const records = new RecordTableBuilder();
  const builder = new NegotiationBuilder(records);
  files.forEach((bodies, file) => {
    builder.startFile(file);
    for (const e of eventsOf(records, file, bodies)) builder.event(e);
  });
  return finalizeNegotiations(builder, records).negotiations;
}

const sent = (peer: string, state: string, role: 'I' | 'R' = 'I'): Body => ({ type: 'packet', dir: 'out', peer, localPort: 500, peerPort: 500, role, state });
const received = (peer: string, state: string, role: 'I' | 'R' | 'N' = 'I'): Body => ({ type: 'packet', dir: 'in', peer, localPort: 500, peerPort: 500, role, state });
const retransmit: Body = { type: 'retransmit', phase: 1, state: null, attempt: null, of: null };
const names = (n: { phase1: { messages: readonly { name: string; attempt: number; retransmission: boolean; delivery?: string }[] } }) =>
  n.phase1.messages.map((m) => `${m.name}#${m.attempt}${m.retransmission ? '*' : ''}${m.delivery ? `:${m.delivery}` : ''}`);

describe('the builder on event arrays', () => {
  test('packets are named by their state and side; a timer resend repeats the last message sent', () => {
    const [n, more] = build([
      [sent('10.0.0.2', 'MM_NO_STATE'), received('10.0.0.2', 'MM_NO_STATE'), sent('10.0.0.2', 'MM_SA_SETUP'), retransmit, sent('10.0.0.2', 'MM_SA_SETUP'), retransmit, sent('10.0.0.2', 'MM_SA_SETUP')],
    ]);
    expect(more).toBeUndefined();
    expect(n?.role).toBe('initiator');
    // MM3 sent three times and never answered; with the initiator's log alone that is unanswered, never lost
    expect(names(n!)).toEqual(['MM1#1', 'MM2#1', 'MM3#1:unanswered', 'MM3#2*:unanswered', 'MM3#3*:unanswered']);
  });

  test('many copies of one packet are counted one by one, each copy numbered', () => {
    const copies = Array.from({ length: 2000 }, () => received('10.0.0.2', 'MM_NO_STATE'));
    const [n] = build([[sent('10.0.0.2', 'MM_NO_STATE'), ...copies]]);
    const messages = n!.phase1.messages;
    expect(messages).toHaveLength(2001);
    expect(messages.at(-1)).toMatchObject({ name: 'MM2', attempt: 2000, retransmission: true });
    expect(messages.filter((m) => m.name === 'MM2' && !m.retransmission)).toHaveLength(1);
  });

  test('two files of one exchange merge; a copy the receiver never printed is lost, the first one', () => {
    const initiator: Body[] = [
      { type: 'endpoints', local: '10.0.0.1', peer: '10.0.0.2' } as Body,
      sent('10.0.0.2', 'MM_NO_STATE'),
      received('10.0.0.2', 'MM_NO_STATE'),
      sent('10.0.0.2', 'MM_SA_SETUP'),
      retransmit,
      sent('10.0.0.2', 'MM_SA_SETUP'),
      received('10.0.0.2', 'MM_SA_SETUP'),
    ];
    const responder: Body[] = [
      { type: 'endpoints', local: '10.0.0.2', peer: '10.0.0.1' } as Body,
      received('10.0.0.1', 'NEW SA', 'N'),
      sent('10.0.0.1', 'MM_SA_SETUP', 'R'),
      received('10.0.0.1', 'MM_SA_SETUP', 'R'),
      sent('10.0.0.1', 'MM_KEY_EXCH', 'R'),
    ];
    const negotiations = build([initiator, responder]);
    expect(negotiations).toHaveLength(1);
    const n = negotiations[0]!;
    expect(n.role).toBe('both');
    expect(names(n)).toEqual(['MM1#1', 'MM2#1', 'MM3#1:lost', 'MM3#2*', 'MM4#1']);
    const mm3 = n.phase1.messages.filter((m) => m.name === 'MM3');
    // the first copy also holds the `retransmitting` line printed while the initiator waited for MM4
    expect(mm3.map((m) => [m.sideLines?.initiator.length, m.sideLines?.responder.length])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });
});
