import { describe, expect, test } from 'vitest';
import { readDeepLink, writeDeepLink } from './deep-link.ts';

describe('deep links', () => {
  const cases = [
    { hash: '', link: { negotiation: 0, step: -1 } },
    { hash: '#n=2&s=14', link: { negotiation: 2, step: 14 } },
    { hash: '#s=3', link: { negotiation: 0, step: 3 } },
    { hash: '#n=-4&s=-9', link: { negotiation: 0, step: -1 } },
    { hash: '#n=abc&s=<img>', link: { negotiation: 0, step: -1 } },
  ];
  for (const c of cases) test(`reads '${c.hash}'`, () => expect(readDeepLink(c.hash)).toEqual(c.link));

  test('round-trips', () => {
    const link = { negotiation: 3, step: 27 };
    expect(readDeepLink(writeDeepLink(link))).toEqual(link);
  });
});
