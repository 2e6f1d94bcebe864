import { describe, expect, test } from 'vitest';
import type { MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { nextUnseen, printedMessage, reachedMessage } from './step-names.ts';

describe('a phase 1 packet named from the SA state IOS printed on its line', () => {
  // side, direction, printed state, what the router had received → the message (as IOS logs print them)
  const cases: [Side, 'out' | 'in', string, MessageName[], MessageName | null][] = [
    ['initiator', 'out', 'MM_NO_STATE', [], 'MM1'],
    ['initiator', 'in', 'MM_NO_STATE', [], 'MM2'],
    ['initiator', 'out', 'MM_SA_SETUP', ['MM2'], 'MM3'],
    ['initiator', 'in', 'MM_SA_SETUP', ['MM2'], 'MM4'],
    ['initiator', 'out', 'MM_KEY_EXCH', ['MM2', 'MM4'], 'MM5'],
    ['initiator', 'in', 'MM_KEY_EXCH', ['MM2', 'MM4'], 'MM6'],
    ['responder', 'in', 'MM_NO_STATE', [], 'MM1'],
    ['responder', 'in', 'NEW SA', [], 'MM1'],
    ['responder', 'out', 'MM_SA_SETUP', ['MM1'], 'MM2'],
    // printed before the state moved on
    ['responder', 'out', 'MM_NO_STATE', ['MM1'], 'MM2'],
    ['responder', 'in', 'MM_SA_SETUP', ['MM1'], 'MM3'],
    ['responder', 'out', 'MM_KEY_EXCH', ['MM1', 'MM3'], 'MM4'],
    ['responder', 'in', 'MM_KEY_EXCH', ['MM1', 'MM3'], 'MM5'],
    ['responder', 'out', 'MM_KEY_EXCH', ['MM1', 'MM3', 'MM5'], 'MM6'],
    // a transcribed log's state cut short
    ['responder', 'in', 'MM_SA', ['MM1'], 'MM3'],
    ['initiator', 'out', 'QM_IDLE', [], null],
  ];
  for (const [side, dir, printed, received, name] of cases) {
    test(`${side} ${dir} ${printed} after ${received.join(', ') || 'nothing'}: ${name ?? 'none'}`, () => {
      expect(printedMessage('main', side, dir, printed, new Set(received))).toBe(name);
    });
  }

  const aggressive: [Side, 'out' | 'in', string, MessageName | null][] = [
    ['initiator', 'out', 'AG_NO_STATE', 'AM1'],
    ['initiator', 'in', 'AG_NO_STATE', 'AM2'],
    // printed after the state moved on
    ['initiator', 'in', 'AG_INIT_EXCH', 'AM2'],
    ['initiator', 'out', 'AG_INIT_EXCH', 'AM3'],
    ['responder', 'in', 'NEW SA', 'AM1'],
    ['responder', 'out', 'AG_NO_STATE', 'AM2'],
    ['responder', 'out', 'AG_INIT_EXCH', 'AM2'],
    ['responder', 'in', 'AG_INIT_EXCH', 'AM3'],
    ['responder', 'in', 'MM_NO_STATE', null],
  ];
  for (const [side, dir, printed, name] of aggressive) {
    test(`aggressive, ${side} ${dir} ${printed}: ${name ?? 'none'}`, () => {
      expect(printedMessage('aggressive', side, dir, printed, new Set())).toBe(name);
    });
  }
});

test('without a printed state, the next message of its direction not seen yet', () => {
  expect(nextUnseen('main', 'responder', 'out', new Set(['MM2']))).toBe('MM4');
  expect(nextUnseen('aggressive', 'initiator', 'in', new Set())).toBe('AM2');
  expect(nextUnseen('main', 'initiator', 'out', { has: () => true })).toBeNull();
});

test('a Quick Mode message by what its side has seen: QM1 again until QM2 came, then QM3', () => {
  expect(reachedMessage('quick', 'initiator', 'out', new Set())).toBe('QM1');
  expect(reachedMessage('quick', 'initiator', 'out', new Set(['QM2']))).toBe('QM3');
  expect(reachedMessage('quick', 'responder', 'in', new Set(['QM1']))).toBe('QM1');
  expect(reachedMessage('quick', 'responder', 'in', new Set(['QM2']))).toBe('QM3');
  expect(reachedMessage('quick', 'responder', 'out', new Set())).toBe('QM2');
});
