import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { LabSetup } from '../../core/sim/lab.ts';

/**
 * A lab exercise in the URL: configs, preset, mode and faults as JSON, deflated and base64url-encoded, so a
 * link reopens the same exercise with no server. Pre-shared keys are masked unless the author includes them.
 */
const VERSION = 1;

interface Shared {
  v: typeof VERSION;
  setup: LabSetup;
}

const KEY_LINE = /^(\s*crypto isakmp key (?:[06] )?)(\S+)( .*)?$/;
const KEYRING_LINE = /^(\s*pre-shared-key (?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)$/;

/**
 * Replaces each pre-shared key with asterisks. Different keys get different masks (`*****`, `*****-2`), so a
 * masked exercise still fails, or succeeds, as the original does.
 */
export function maskKeys(setup: LabSetup): LabSetup {
  const masks = new Map<string, string>();
  const maskOf = (key: string) => {
    const known = masks.get(key);
    if (known) return known;
    const mask = masks.size === 0 ? '*****' : `*****-${masks.size + 1}`;
    masks.set(key, mask);
    return mask;
  };
  const maskText = (text: string) =>
    text
      .split('\n')
      .map((line) => {
        const isakmp = KEY_LINE.exec(line);
        if (isakmp) return `${isakmp[1] ?? ''}${maskOf(isakmp[2] ?? '')}${isakmp[3] ?? ''}`;
        const keyring = KEYRING_LINE.exec(line);
        return keyring ? `${keyring[1] ?? ''}${maskOf(keyring[2] ?? '')}` : line;
      })
      .join('\n');
  return { ...setup, initiator: maskText(setup.initiator), responder: maskText(setup.responder) };
}

/** True when a config holds a key that masking would hide. */
export function hasKeys(setup: LabSetup): boolean {
  return [setup.initiator, setup.responder].some((text) => text.split('\n').some((l) => KEY_LINE.test(l) || KEYRING_LINE.test(l)));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeExercise(setup: LabSetup, includeKeys: boolean): string {
  const shared: Shared = { v: VERSION, setup: includeKeys ? setup : maskKeys(setup) };
  return toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }));
}

const isSetup = (value: unknown): value is LabSetup => {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.initiator === 'string' &&
    typeof s.responder === 'string' &&
    (s.preset === null || typeof s.preset === 'string') &&
    (s.mode === 'main' || s.mode === 'aggressive') &&
    typeof s.faults === 'object' &&
    s.faults !== null
  );
};

/** The exercise a link holds, or null when the text is not one (cut short, edited, another version). */
export function decodeExercise(text: string): LabSetup | null {
  try {
    const shared = JSON.parse(strFromU8(inflateSync(fromBase64Url(text)))) as Partial<Shared>;
    return shared.v === VERSION && isSetup(shared.setup) ? shared.setup : null;
  } catch {
    return null;
  }
}

/** The whole link: this page, the exercise, and the step to open it at. */
export function exerciseUrl(base: string, setup: LabSetup, includeKeys: boolean, step: number): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#lab=${encodeExercise(setup, includeKeys)}&n=0&s=${step}`;
}
