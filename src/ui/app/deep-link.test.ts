import { describe, expect, test } from 'vitest';
import { linkedWorkspace, linkFor, readDeepLink, writeDeepLink } from './deep-link.ts';

describe('deep links', () => {
  const cases = [
    { hash: '', link: { workspace: null, negotiation: 0, step: -1 } },
    { hash: '#n=2&s=14', link: { workspace: null, negotiation: 2, step: 14 } },
    { hash: '#s=3', link: { workspace: null, negotiation: 0, step: 3 } },
    { hash: '#n=-4&s=-9', link: { workspace: null, negotiation: 0, step: -1 } },
    { hash: '#n=abc&s=<img>', link: { workspace: null, negotiation: 0, step: -1 } },
    { hash: '#w=case.3f9a01&n=1&s=7', link: { workspace: 'case.3f9a01', negotiation: 1, step: 7 } },
    { hash: '#w=<script>&n=1', link: { workspace: null, negotiation: 1, step: -1 } },
    { hash: '#w=&s=2', link: { workspace: null, negotiation: 0, step: 2 } },
  ];
  for (const c of cases) test(`reads '${c.hash}'`, () => expect(readDeepLink(c.hash)).toEqual(c.link));

  test('round-trips', () => {
    for (const link of [{ workspace: null, negotiation: 3, step: 27 }, { workspace: 'lab', negotiation: 0, step: 4 }]) {
      expect(readDeepLink(writeDeepLink(link, ''))).toEqual(link);
    }
  });

  test('keeps a shared exercise beside the workspace', () => {
    expect(writeDeepLink({ workspace: 'lab', negotiation: 0, step: 5 }, '#lab=abc_-1&n=0&s=1')).toBe('#lab=abc_-1&n=0&s=5');
  });
});

describe('the workspace a link opens', () => {
  const cases = [
    { hash: '', workspace: 'example.seed' },
    { hash: '#n=0&s=16', workspace: 'example.seed' },
    { hash: '#lab=abc&n=0&s=3', workspace: 'lab' },
    { hash: '#w=case.0a1b2c&n=2&s=3', workspace: 'case.0a1b2c' },
  ];
  for (const c of cases) test(`'${c.hash}' opens ${c.workspace}`, () => expect(linkedWorkspace(c.hash)).toBe(c.workspace));

  test('the step of a link applies only to the workspace it names', () => {
    expect(linkFor('case.0a1b2c', '#w=case.0a1b2c&n=2&s=3')).toEqual({ workspace: 'case.0a1b2c', negotiation: 2, step: 3 });
    expect(linkFor('case.ffffff', '#w=case.0a1b2c&n=2&s=3')).toEqual({ workspace: 'case.ffffff', negotiation: 0, step: -1 });
    expect(linkFor('example.seed', '#n=0&s=16')).toEqual({ workspace: 'example.seed', negotiation: 0, step: 16 });
  });
});
