import { describe, expect, test } from 'vitest';
import type { Side } from '../ike/sides.ts';
import { causalOrder, type Sighting } from './message-order.ts';

/** A message sent by `from`, first printed at line `i` of the initiator's log and line `r` of the responder's. */
const m = (from: Side, i: number | null, r: number | null): Sighting => ({
  from,
  firstLine: { initiator: i === null ? null : { file: 0, line: i }, responder: r === null ? null : { file: 1, line: r } },
});

interface Case {
  name: string;
  messages: Sighting[];
  order: number[];
}

const cases: Case[] = [
  {
    name: 'an exchange that alternates keeps its order, whatever the builder gave',
    messages: [m('responder', 20, 10), m('initiator', 10, 5), m('initiator', 30, 15)],
    order: [1, 0, 2],
  },
  {
    // The initiator resends MM1, each copy refused with a NOTIFY: the builder lists all MM1s, then all NOTIFYs.
    name: 'each refusal right after the offer it refuses',
    messages: [m('initiator', 1, 1), m('initiator', 10, 10), m('initiator', 20, 20), m('responder', 5, 5), m('responder', 15, 15), m('responder', 25, 25)],
    order: [0, 3, 1, 4, 2, 5],
  },
  {
    // Both resend on their own timers: the initiator's log shows its MM5 going out before the MM4 resend
    // arrives, the responder's shows its MM4 resend going out before that MM5 arrives. They crossed.
    name: 'messages that crossed on the wire alternate; each resend after what its sender had received',
    messages: [
      m('responder', 10, 10), // MM4
      m('responder', 30, 20), // MM4 resent
      m('responder', 50, 40), // MM4 resent
      m('initiator', 15, 15), // MM5
      m('initiator', 25, 25), // MM5 resent
      m('initiator', 45, 45), // MM5 resent
    ],
    order: [0, 3, 1, 4, 2, 5],
  },
  {
    name: 'a message only its sender logged (lost) keeps its place in the sender\'s log',
    messages: [m('initiator', 1, 1), m('responder', 5, 3), m('initiator', 10, null), m('initiator', 20, null)],
    order: [0, 1, 2, 3],
  },
  {
    name: 'a message only its receiver logged goes where the receiver saw it',
    messages: [m('initiator', 1, 1), m('initiator', null, 8), m('responder', 5, 5)],
    order: [0, 2, 1],
  },
  {
    name: 'one router\'s log alone: its line order',
    messages: [m('initiator', 1, null), m('initiator', 10, null), m('responder', 5, null), m('responder', 15, null)],
    order: [0, 2, 1, 3],
  },
  {
    name: 'logs that contradict each other (each says it received first): the builder\'s order decides',
    messages: [m('initiator', 10, 1), m('responder', 1, 10)],
    order: [0, 1],
  },
  {
    name: 'messages no log shows stay after the message before them in the builder\'s order',
    messages: [m('responder', 20, 10), m('initiator', null, null), m('initiator', 10, 5)],
    order: [2, 0, 1],
  },
  {
    name: 'no messages',
    messages: [],
    order: [],
  },
];

describe('causalOrder', () => {
  for (const c of cases) test(c.name, () => expect(causalOrder(c.messages)).toEqual(c.order));

  test('every message exactly once, each router\'s log order kept, on a long exchange', () => {
    // 2,000 messages alternating, each logged by both: the builder's order reversed.
    const messages = Array.from({ length: 2000 }, (_, k) => m(k % 2 === 0 ? 'initiator' : 'responder', 2 * k + 1, 2 * k + 2)).reverse();
    const order = causalOrder(messages);
    expect(order).toEqual(Array.from({ length: 2000 }, (_, k) => 1999 - k));
  });
});
