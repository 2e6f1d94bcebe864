/** What the three Quick Mode refusal rules share: evidence, the joined PROPOSAL_NOT_CHOSEN, the wording. */
import type { LineRef } from '../ike/line-ref.ts';
import type { FindingCode } from '../analysis.ts';
import type { DiagnosisContext } from './context.ts';
import { checkedFinding, routerName } from './config-fix.ts';
import { finding, sentence, type DiagnosedFinding } from './finding.ts';
import { quickModeRefusals, type Refusal } from './quick-mode.ts';
import { at } from './queries.ts';
import { lineWords } from './line-words.ts';
import { redHerrings } from './red-herrings.ts';
import { recoveryNote, refusalCauses, refusalSeverity, type RefusalCause } from './refusal-cause.ts';

export function refusalsWith(ctx: DiagnosisContext, cause: RefusalCause): Refusal[] {
  return quickModeRefusals(ctx).filter((r) => refusalCauses(ctx, r).has(cause));
}

/** "R2 got PROPOSAL_NOT_CHOSEN (line 40); the reason is R3's refusal (lines 88, 90)." */
function joinedNote(ctx: DiagnosisContext, r: Refusal): string {
  if (r.received.length === 0) return '';
  return ` ${sentence(routerName(ctx, 'initiator'))} was told with PROPOSAL_NOT_CHOSEN (${lineWords(r.received.map(at), ctx)}); the reason is this refusal in ${routerName(ctx, 'responder')}'s log (${lineWords(r.reasons.map(at), ctx)}).`;
}

export interface Phase2FindingParts {
  code: FindingCode;
  refusal: Refusal;
  /** What was refused and why, without the recovery or join notes. */
  what: string;
  fix: string;
  configLines: LineRef[];
}

export function phase2Finding(ctx: DiagnosisContext, p: Phase2FindingParts): DiagnosedFinding {
  const r = p.refusal;
  const checked = r.recovered === 'same' ? null : checkedFinding(ctx, p.code);
  return finding({
    code: p.code,
    severity: refusalSeverity(r),
    lines: [...r.reasons.map(at), ...r.received.map(at)],
    summary: `${p.what}${joinedNote(ctx, r)}${recoveryNote(r)}`,
    fix: r.recovered === 'same' ? 'Nothing to fix; list the transform set both sides share first to skip the refused check.' : (checked?.fix ?? p.fix),
    message: 'QM1',
    side: 'responder',
    configLines: checked?.lines ?? p.configLines,
    explained: redHerrings(ctx),
  });
}
