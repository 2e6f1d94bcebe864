/**
 * A lab setup read from outside (a shared link, storage): every field checked against the one shape
 * `LabSetup` has, so a crafted value never reaches the simulation. Anything else, extra keys included, is
 * not a setup.
 */
import { MAIN_MODE, AGGRESSIVE_MODE, QUICK_MODE } from '../ike/messages.ts';
import { ALL_LOSABLE, type Losable, type LosableMessage } from './losable.ts';
import type { Side } from '../ike/sides.ts';
import type { LabSetup } from './lab.ts';
import { isPresetName } from './preset-names.ts';
import type { SimFaults } from './trace.ts';

const SIDES: readonly Side[] = ['initiator', 'responder'];
/** The messages a fault can lose: IKEv1's exchanges (Aggressive Mode's too) and IKEv2's first two. */
const MESSAGES: readonly LosableMessage[] = [...new Set<LosableMessage>([...MAIN_MODE, ...AGGRESSIVE_MODE, ...QUICK_MODE, ...ALL_LOSABLE.map((l) => l.message)])];
/** More losses than messages in an exchange mean nothing more: the switch loses one. */
const MAX_LOSSES = MESSAGES.length;

type Fields = Readonly<Record<string, unknown>>;

function record(value: unknown, keys: readonly string[], required: readonly string[]): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const own = Object.keys(value);
  if (!own.every((k) => keys.includes(k)) || !required.every((k) => Object.hasOwn(value, k))) return null;
  return value as Fields;
}

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);

function readLoss(value: unknown): Losable | null {
  const fields = record(value, ['from', 'message'], ['from', 'message']);
  if (!fields || !oneOf(fields.from, SIDES) || !oneOf(fields.message, MESSAGES)) return null;
  return { from: fields.from, message: fields.message };
}

function readFaults(value: unknown): SimFaults | null {
  const fields = record(value, ['unreachable', 'nat', 'lose'], []);
  if (!fields) return null;
  const faults: { -readonly [K in keyof SimFaults]: SimFaults[K] } = {};
  for (const flag of ['unreachable', 'nat'] as const) {
    if (!Object.hasOwn(fields, flag)) continue;
    if (typeof fields[flag] !== 'boolean') return null;
    faults[flag] = fields[flag];
  }
  if (Object.hasOwn(fields, 'lose')) {
    const lose = fields.lose;
    if (!Array.isArray(lose) || lose.length > MAX_LOSSES) return null;
    const losses = lose.map(readLoss);
    if (losses.some((l) => l === null)) return null;
    faults.lose = losses as Losable[];
  }
  return faults;
}

/** The setup `value` describes, or null when any field is missing, extra, or of another type or value. */
export function readLabSetup(value: unknown): LabSetup | null {
  const keys = ['preset', 'initiator', 'responder', 'mode', 'faults'];
  const fields = record(value, keys, keys);
  if (!fields) return null;
  const { preset, initiator, responder, mode } = fields;
  if (preset !== null && !(typeof preset === 'string' && isPresetName(preset))) return null;
  if (typeof initiator !== 'string' || typeof responder !== 'string' || !oneOf(mode, ['main', 'aggressive'] as const)) return null;
  const faults = readFaults(fields.faults);
  return faults ? { preset, initiator, responder, mode, faults } : null;
}
