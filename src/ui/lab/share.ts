import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { LabSetup } from '../../core/sim/lab.ts';
import { readLabSetup } from '../../core/sim/lab-setup-schema.ts';
import { hasKey, keyMasker } from '../../core/config/key-mask.ts';

/**
 * A lab exercise in the URL: configs, preset, mode and faults as JSON, deflated and base64url-encoded, so a
 * link reopens the same exercise with no server. Pre-shared keys are masked unless the author includes them.
 */
const VERSION = 1;

interface Shared {
  v: typeof VERSION;
  setup: LabSetup;
}

/**
 * Replaces each pre-shared key with asterisks (config/key-mask.ts): different keys get different masks, so a
 * masked exercise still fails, or succeeds, as the original does.
 */
export function maskKeys(setup: LabSetup): LabSetup {
  const mask = keyMasker();
  const maskText = (text: string) => text.split('\n').map(mask).join('\n');
  return { ...setup, initiator: maskText(setup.initiator), responder: maskText(setup.responder) };
}

/** True when a config holds a key that masking would hide. */
export function hasKeys(setup: LabSetup): boolean {
  return [setup.initiator, setup.responder].some((text) => text.split('\n').some(hasKey));
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

/** The most text a link may inflate to: two configs of several thousand lines each fit many times over. */
export const MAX_EXERCISE_BYTES = 1 << 20;
/** Deflated text is never much longer than the text itself, so a longer link is refused before decoding. */
export const MAX_LINK_CHARS = Math.ceil((MAX_EXERCISE_BYTES * 4) / 3) + 1024;
/** Deflate expands a byte to at most about a thousand: fed this much at a time, the output overshoots the cap little. */
const INFLATE_SLICE = 1024;

/** The inflated bytes, or null once they pass `limit`: inflation stops there instead of filling the memory. */
function inflateBounded(data: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    ended ||= final;
  });
  for (let offset = 0; offset < data.length && size <= limit && !ended; offset += INFLATE_SLICE) {
    inflate.push(data.subarray(offset, offset + INFLATE_SLICE), offset + INFLATE_SLICE >= data.length);
  }
  if (size > limit || !ended) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export type DecodedExercise = { ok: true; setup: LabSetup } | { ok: false; reason: string };

/** The exercise a link holds, or why it holds none (too large, cut short, edited, another version). */
export function decodeExercise(text: string): DecodedExercise {
  if (text.length > MAX_LINK_CHARS) return { ok: false, reason: `the link is longer than ${MAX_LINK_CHARS} characters` };
  let json: string;
  try {
    const inflated = inflateBounded(fromBase64Url(text), MAX_EXERCISE_BYTES);
    if (inflated === null) return { ok: false, reason: `the exercise is larger than ${MAX_EXERCISE_BYTES / (1 << 20)} MB, or cut short` };
    json = strFromU8(inflated);
  } catch {
    return { ok: false, reason: 'the link is not a compressed exercise (cut short or edited?)' };
  }
  let shared: unknown;
  try {
    shared = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the link does not hold an exercise' };
  }
  const version = typeof shared === 'object' && shared !== null && Object.hasOwn(shared, 'v') ? (shared as { v: unknown }).v : undefined;
  if (version !== VERSION) return { ok: false, reason: 'the link is of another version of ikescope' };
  const keys = Object.keys(shared as object);
  const setup = keys.length === 2 && keys.includes('setup') ? readLabSetup((shared as { setup: unknown }).setup) : null;
  return setup ? { ok: true, setup } : { ok: false, reason: 'the exercise in the link is not one this lab can run' };
}

/** The whole link: this page, the exercise, and the step to open it at. */
export function exerciseUrl(base: string, setup: LabSetup, includeKeys: boolean, step: number): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#lab=${encodeExercise(setup, includeKeys)}&n=0&s=${step}`;
}
