import { describe, expect, test } from 'vitest';
import { labSetupOf, runLab, type LabSetup } from '../../core/sim/lab.ts';
import { LAB_PRESETS as PRESETS } from '../../core/sim/preset-list.ts';
import { readDeepLink, readLabLink, writeDeepLink } from '../app/deep-link.ts';
import { deflateSync, strToU8 } from 'fflate';
import { MAX_EXERCISE_BYTES, MAX_LINK_CHARS, decodeExercise, encodeExercise, exerciseUrl, hasKeys, maskKeys } from './share.ts';

const setup = (name: string): LabSetup => labSetupOf(name)!;

describe('a shared exercise', () => {
  for (const p of PRESETS) {
    test(`${p.name}: round-trips with keys, and fits in a URL`, () => {
      const encoded = encodeExercise(setup(p.name), true);
      expect(encoded).toMatch(/^[\w-]+$/);
      expect(encoded.length).toBeLessThan(2000);
      expect(decodeExercise(encoded)).toEqual({ ok: true, setup: setup(p.name) });
    });

    test(`${p.name}: masked, no key is left, and the outcome is the same`, () => {
      const decoded = decodeExercise(encodeExercise(setup(p.name), false));
      if (!decoded.ok) throw new Error(decoded.reason);
      const masked = decoded.setup;
      const keys = [p.initiator.config, p.responder.config].flatMap((c) => c.split('\n').filter((l) => l.startsWith('crypto isakmp key')).map((l) => l.split(' ')[3]));
      for (const key of keys) expect(`${masked.initiator}\n${masked.responder}`).not.toContain(`key ${key ?? ''} `);
      // an IKEv2 keyring's `pre-shared-key KEY`
      const v2keys = [p.initiator.config, p.responder.config].flatMap((c) => c.split('\n').filter((l) => l.trim().startsWith('pre-shared-key ')).map((l) => l.trim().split(' ')[1]));
      for (const key of v2keys) expect(`${masked.initiator}\n${masked.responder}`).not.toContain(`pre-shared-key ${key ?? ''}\n`);
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
  for (const text of broken) test(`'${text.slice(0, 24)}' is not an exercise`, () => expect(decodeExercise(text).ok).toBe(false));

  test('the link holds the exercise and the step, and replaces any earlier hash', () => {
    const url = exerciseUrl('http://localhost:4173/#n=0&s=3', setup('nat-t'), false, 12);
    const hash = url.slice(url.indexOf('#'));
    expect(url.startsWith('http://localhost:4173/#lab=')).toBe(true);
    expect(readDeepLink(hash)).toEqual({ workspace: null, negotiation: 0, step: 12 });
    const decoded = decodeExercise(readLabLink(hash) ?? '');
    expect(decoded.ok && decoded.setup.preset).toBe('nat-t');
  });

  test('stepping keeps the exercise in the hash', () => {
    expect(writeDeepLink({ workspace: null, negotiation: 0, step: 5 }, '#lab=abc_-1&n=0&s=1')).toBe('#lab=abc_-1&n=0&s=5');
    expect(writeDeepLink({ workspace: null, negotiation: 1, step: 2 }, '#n=0&s=1')).toBe('#n=1&s=2');
  });
});

/** A link as anyone can craft one: any bytes, deflated and base64url-encoded as the page's own links are. */
function crafted(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}
const craftedJson = (value: unknown) => crafted(deflateSync(strToU8(JSON.stringify(value))));

describe('a crafted link', () => {
  const seed = setup('seed');
  const badSetups: [string, unknown][] = [
    ['lose a number', { ...seed, faults: { lose: 5 } }],
    ['lose an object', { ...seed, faults: { lose: {} } }],
    ['lose [null]', { ...seed, faults: { lose: [null] } }],
    ['lose an unknown message', { ...seed, faults: { lose: [{ from: 'initiator', message: '__proto__' }] } }],
    ['lose from no side', { ...seed, faults: { lose: [{ from: 'constructor', message: 'MM3' }] } }],
    ['lose a thousand times', { ...seed, faults: { lose: Array.from({ length: 1000 }, () => ({ from: 'initiator', message: 'MM1' })) } }],
    ['nat as text', { ...seed, faults: { nat: 'yes' } }],
    ['a fault no lab has', { ...seed, faults: { jam: true } }],
    ['faults null', { ...seed, faults: null }],
    ['faults an array', { ...seed, faults: [] }],
    ['a config as a number', { ...seed, initiator: 5 }],
    ['no responder', { preset: 'seed', initiator: '', mode: 'main', faults: {} }],
    ['a mode IKE has not', { ...seed, mode: 'quick' }],
    ['a preset that does not exist', { ...seed, preset: 'constructor' }],
    ['an extra field', { ...seed, extra: 1 }],
    ['a setup that is an array', [seed]],
  ];
  for (const [name, bad] of badSetups) {
    test(`with ${name} is refused with a reason`, () => {
      const decoded = decodeExercise(craftedJson({ v: 1, setup: bad }));
      expect(decoded.ok).toBe(false);
      expect(!decoded.ok && decoded.reason).toMatch(/exercise/);
    });
  }

  test('with a field beside the setup, or another version, is refused', () => {
    expect(decodeExercise(craftedJson({ v: 1, setup: seed, extra: true })).ok).toBe(false);
    expect(decodeExercise(craftedJson({ v: 2, setup: seed })).ok).toBe(false);
    expect(decodeExercise(craftedJson({ setup: seed })).ok).toBe(false);
    expect(decodeExercise(craftedJson(null)).ok).toBe(false);
  });

  test('with every fault set right is read as it is', () => {
    const faults = { unreachable: false, nat: true, lose: [{ from: 'responder', message: 'MM4' }] };
    expect(decodeExercise(craftedJson({ v: 1, setup: { ...seed, faults } }))).toEqual({ ok: true, setup: { ...seed, faults } });
  });

  test('inflating past the cap is refused without inflating it all', () => {
    // 8 MB of spaces deflate to a link of about 11 KB.
    const bomb = crafted(deflateSync(new Uint8Array(8 << 20).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const decoded = decodeExercise(bomb);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/larger than 1 MB/);
  });

  test('an exercise just under the cap is read', () => {
    const big = { ...seed, initiator: `${seed.initiator}\n${'!'.repeat(MAX_EXERCISE_BYTES - 20_000)}` };
    const decoded = decodeExercise(encodeExercise(big, true));
    expect(decoded.ok && decoded.setup.initiator.length).toBe(big.initiator.length);
  });

  test('a link longer than the cap is refused before decoding', () => {
    const decoded = decodeExercise('A'.repeat(MAX_LINK_CHARS + 1));
    expect(!decoded.ok && decoded.reason).toMatch(/longer than/);
  });
});
