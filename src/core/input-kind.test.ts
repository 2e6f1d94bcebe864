import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { detectInputKind } from './input-kind.ts';

const corpus = 'fixtures/corpus';

describe('detectInputKind', () => {
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.log') || f.endsWith('.config.txt'))) {
    const expected = file.endsWith('.config.txt') ? 'config' : 'log';
    test(`${file} is a ${expected} by its content alone`, () => {
      expect(detectInputKind(readFileSync(`${corpus}/${file}`, 'utf8'))).toBe(expected);
    });
  }

  test('the seed document, config sections and all, is a log', () => {
    expect(detectInputKind(readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8'))).toBe('log');
  });

  test('the seed routers\' configs are configs', () => {
    expect(detectInputKind(readFileSync('fixtures/configs/seed-R2.config.txt', 'utf8'))).toBe('config');
  });

  test('a .cfg name is enough', () => {
    expect(detectInputKind('hostname R1\n', 'R1.cfg')).toBe('config');
  });

  test('empty text is a log (nothing to configure)', () => {
    expect(detectInputKind('')).toBe('log');
  });
});
