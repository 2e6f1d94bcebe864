import type { FindingCode } from '../analysis.ts';
import type { DiagnosisContext } from './context.ts';
import type { DiagnosedFinding } from './finding.ts';

/** One diagnosis: the code it may report and how it judges a negotiation. */
export interface Rule {
  code: FindingCode;
  diagnose(ctx: DiagnosisContext): DiagnosedFinding[];
}
