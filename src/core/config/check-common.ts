/**
 * What the compatibility check's stages share: the finding shape and how a side's lines are referenced.
 */
import type { FindingCode, Severity } from '../analysis.ts';
import type { EffectiveConfig, Setting } from './model.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { ExchangeMessageName, Ikev2MessageName } from '../ike/messages.ts';

/** Where a checked negotiation would stop: an IKEv1 message or an IKEv2 exchange's message. */
export type CheckMessage = ExchangeMessageName | Ikev2MessageName;

export interface CheckFinding {
  code: FindingCode;
  severity: Severity;
  /** The message where the negotiation would stop (or the finding shows), null for advice. */
  message: CheckMessage | null;
  /** Config lines to change (file 0 is router A, file 1 router B unless `files` says otherwise). */
  lines: LineRef[];
  summary: string;
  fix: string;
}

/** One router in the check: its config, its file number in `LineRef`s, its name in messages. */
export interface Side {
  cfg: EffectiveConfig;
  file: number;
  name: string;
}

export function ref(side: Side, line: number | null | undefined): LineRef[] {
  return line === null || line === undefined ? [] : [{ file: side.file, line }];
}

/** The line to change for a setting: its own, or the header it would go under when it is an IOS default. */
export function settingRef(side: Side, setting: Setting<unknown>, header: number | null): LineRef[] {
  return ref(side, setting.isDefault ? header : setting.line);
}

/** Collects findings in order. */
export type AddFinding = (finding: CheckFinding) => void;
