/**
 * What a diagnosis rule reads: the events of one negotiation (both routers' when two logs were merged), the
 * negotiation built from them when there is one, and the routers' configs when they were given.
 */
import type { Negotiation } from '../analysis.ts';
import type { AttachedConfig } from '../attach-config.ts';
import type { IkeEvent } from '../log/events.ts';
import type { DiagnosisMemo } from './memo.ts';

export interface DiagnosisContext {
  /** Null when the rules run on events alone, outside a negotiation (the analysis always gives one). */
  negotiation: Negotiation | null;
  /** The events of one negotiation, in input order. */
  events: readonly IkeEvent[];
  configs: { initiator?: AttachedConfig; responder?: AttachedConfig };
  /** What the analysis' diagnosis remembers between rules and contexts. */
  memo: DiagnosisMemo;
}

