import { describe, expect, test } from 'vitest';
import { labSetupOf, runLab, type LabSetup } from '../../core/sim/lab.ts';
import { PRESETS } from '../../core/sim/presets.ts';
import { readDeepLink, readLabLink, writeDeepLink } from '../app/deep-link.ts';
import { decodeExercise, encodeExercise, exerciseUrl, hasKeys, maskKeys } from './share.ts';

const setup = (name: string): LabSetup => labSetupOf(name)!;

describe('a shared exercise', () => {
  for (const p of PRESETS) {
    test(`${p.name}: round-trips with keys, and fits in a URL`, () => {
      const encoded = encodeExercise(setup(p.name), true);
      expect(encoded).toMatch(/^[\w-]+$/);
      expect(encoded.length).toBeLessThan(2000);
      expect(decodeExercise(encoded)).toEqual(setup(p.name));
    });

    test(`${p.name}: masked, no key is left, and the outcome is the same`, () => {
      const masked = decodeExercise(encodeExercise(setup(p.name), false))!;
      const keys = [p.initiator.config, p.responder.config].flatMap((c) => c.split('\n').filter((l) => l.startsWith('crypto isakmp key')).map((l) => l.split(' ')[3]));
      for (const key of keys) expect(`${masked.initiator}\n${masked.responder}`).not.toContain(`key ${key ?? ''} `);
      const before = runLab(setup(p.name));
      const after = runLab(masked);
      expect(before.ok && after.ok && after.trace.outcome).toEqual(before.ok && before.trace.outcome);
    });
  }

  const masks = [
    { line: 'crypto isakmp key cisco123 address 203.0.113.2', masked: 'crypto isakmp key ***** address 203.0.113.2' },
    { line: 'crypto isakmp key 0 s3cr3t address 0.0.0.0 0.0.0.0', masked: 'crypto isakmp key 0 ***** address 0.0.0.0 0.0.0.0' },
    { line: 'crypto isakmp key cisco address ipv6 ::/0', masked: 'crypto isakmp key ***** address ipv6 ::/0' },
    { line: ' pre-shared-key address 10.0.0.2 key Lab-Key', masked: ' pre-shared-key address 10.0.0.2 key *****' },
    { line: 'crypto isakmp policy 10', masked: 'crypto isakmp policy 10' },
  ];
  for (const m of masks) {
    test(`masks '${m.line}'`, () => {
      const s = { ...setup('seed'), initiator: m.line, responder: '' };
      expect(maskKeys(s).initiator).toBe(m.masked);
    });
  }

  test('different keys get different masks, equal keys the same', () => {
    const s = maskKeys(setup('psk-mismatch'));
    expect(s.initiator).toContain('crypto isakmp key ***** address');
    expect(s.responder).toContain('crypto isakmp key *****-2 address');
    const same = maskKeys(setup('seed'));
    expect(same.initiator).toContain('key ***** address');
    expect(same.responder).toContain('key ***** address');
  });

  test('hasKeys tells when there is something to mask', () => {
    expect(hasKeys(setup('seed'))).toBe(true);
    expect(hasKeys({ ...setup('seed'), initiator: 'hostname A', responder: 'hostname B' })).toBe(false);
  });

  const broken = ['', 'not-base64!', encodeExercise(setup('seed'), true).slice(0, 20), 'eJyrVgpLzClVslIqLUotUqoFADNxBcw'];
  for (const text of broken) test(`'${text.slice(0, 24)}' is not an exercise`, () => expect(decodeExercise(text)).toBeNull());

  test('the link holds the exercise and the step, and replaces any earlier hash', () => {
    const url = exerciseUrl('http://localhost:4173/#n=0&s=3', setup('nat-t'), false, 12);
    const hash = url.slice(url.indexOf('#'));
    expect(url.startsWith('http://localhost:4173/#lab=')).toBe(true);
    expect(readDeepLink(hash)).toEqual({ workspace: null, negotiation: 0, step: 12 });
    expect(decodeExercise(readLabLink(hash) ?? '')?.preset).toBe('nat-t');
  });

  test('stepping keeps the exercise in the hash', () => {
    expect(writeDeepLink({ workspace: null, negotiation: 0, step: 5 }, '#lab=abc_-1&n=0&s=1')).toBe('#lab=abc_-1&n=0&s=5');
    expect(writeDeepLink({ workspace: null, negotiation: 1, step: 2 }, '#n=0&s=1')).toBe('#n=1&s=2');
  });
});
