/**
 * Why a Quick Mode was refused, once the configs have had their say: the responder's own lines tell
 * transform (error 256) from proxies (error 32); a PFS mismatch also ends in error 256, so the responder's
 * `set pfs` (or, with both configs, the compatibility check) decides between transform and PFS.
 */
import type { Severity } from '../analysis.ts';
import { explainObserved } from '../config/explain.ts';
import type { DiagnosisContext } from './context.ts';
import { addressOf, checkedFinding } from './config-fix.ts';
import { offeredTransform, type Refusal } from './quick-mode.ts';

export type RefusalCause = 'transform' | 'proxy' | 'pfs' | 'unknown';

export function refusalCauses(ctx: DiagnosisContext, r: Refusal): Set<RefusalCause> {
  const causes = new Set<RefusalCause>(r.kinds);
  const responder = ctx.configs.responder;
  const attributesSeen = r.offered.encapsulation !== null;
  if (responder) {
    const observed = explainObserved(responder.config, {
      peer: addressOf(ctx, 'initiator'),
      ...(offeredTransform(r.offered) ? { transform: offeredTransform(r.offered) } : {}),
      ...(attributesSeen ? { pfsGroup: r.offered.pfsGroup } : {}),
    });
    const pfs = observed.find((x) => x.topic === 'pfs');
    const transform = observed.find((x) => x.topic === 'transform');
    if (pfs && !pfs.agrees) {
      causes.add('pfs');
      if (transform?.agrees) causes.delete('transform');
    }
  } else if (ctx.configs.initiator) {
    const pfs = checkedFinding(ctx, 'P2_PFS_MISMATCH');
    if (pfs?.severity === 'error') {
      causes.add('pfs');
      if (!checkedFinding(ctx, 'P2_TRANSFORM_MISMATCH')) causes.delete('transform');
    }
  }
  if (causes.has('unknown') && causes.size === 1 && ctx.configs.initiator && ctx.configs.responder) {
    for (const [code, cause] of [
      ['P2_TRANSFORM_MISMATCH', 'transform'],
      ['P2_PROXY_MISMATCH', 'proxy'],
      ['P2_PFS_MISMATCH', 'pfs'],
    ] as const) {
      if (checkedFinding(ctx, code)?.severity === 'error') causes.add(cause);
    }
    if (causes.size > 1) causes.delete('unknown');
  }
  return causes;
}

/** A refused proposal that a later one replaced is no failure; a Quick Mode that later succeeded is history. */
export function refusalSeverity(r: Refusal): Severity {
  if (r.recovered === 'same') return 'info';
  return r.recovered === 'later' ? 'warning' : 'error';
}

export function recoveryNote(r: Refusal): string {
  if (r.recovered === 'same') return ' A later proposal of the same Quick Mode was accepted: not a failure, IOS checks each proposal in turn.';
  if (r.recovered === 'later') return ' A later Quick Mode succeeded (the config was probably changed in between): this attempt failed, the tunnel is up now.';
  return '';
}
