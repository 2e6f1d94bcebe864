import { describe, expect, test } from 'vitest';
import { answers, awaitsAnswer, messageSteps, type ExchangeKind } from './message-steps.ts';
import type { Side } from '../ike/sides.ts';

/** A side's steps as `>MM1` (sent) and `<MM2` (received). */
const drawn = (exchange: ExchangeKind, side: Side): string[] => messageSteps(exchange, side).map((s) => `${s.dir === 'out' ? '>' : '<'}${s.message}`);

describe('the messages each side sends and receives, read from the machines', () => {
  const cases: { exchange: ExchangeKind; side: Side; steps: string[] }[] = [
    { exchange: 'main', side: 'initiator', steps: ['>MM1', '<MM2', '>MM3', '<MM4', '>MM5', '<MM6'] },
    { exchange: 'main', side: 'responder', steps: ['<MM1', '>MM2', '<MM3', '>MM4', '<MM5', '>MM6'] },
    { exchange: 'aggressive', side: 'initiator', steps: ['>AM1', '<AM2', '>AM3'] },
    { exchange: 'aggressive', side: 'responder', steps: ['<AM1', '>AM2', '<AM3'] },
    { exchange: 'quick', side: 'initiator', steps: ['>QM1', '<QM2', '>QM3'] },
    { exchange: 'quick', side: 'responder', steps: ['<QM1', '>QM2', '<QM3'] },
  ];
  for (const c of cases) test(`${c.exchange}, ${c.side}`, () => expect(drawn(c.exchange, c.side)).toEqual(c.steps));

  test('each step counts the messages received before it', () => {
    expect(messageSteps('main', 'responder').map((s) => s.received)).toEqual([0, 1, 1, 2, 2, 3]);
  });

  test('a message answers the one its sender received just before it; a first message answers nothing', () => {
    expect(answers('MM2')).toBe('MM1');
    expect(answers('MM6')).toBe('MM5');
    expect(answers('AM3')).toBe('AM2');
    expect(answers('QM3')).toBe('QM2');
    expect(answers('MM1')).toBeNull();
    expect(answers('QM1')).toBeNull();
    expect(answers('NOTIFY')).toBeNull();
  });

  test("a message waits for an answer unless it is its sender's last", () => {
    const waiting = (['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'AM1', 'AM2', 'AM3', 'QM1', 'QM2', 'QM3', 'NOTIFY', 'DELETE'] as const).filter(awaitsAnswer);
    expect(waiting).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'AM1', 'AM2', 'QM1', 'QM2']);
  });
});
