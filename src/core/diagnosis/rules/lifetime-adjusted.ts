/**
 * LIFETIME_ADJUSTED: the proposed phase 1 lifetime and the one used differ (`life duration (basic) of 1200`,
 * `Acceptable atts:actual life: 600`), or the responder said so (NOTIFY RESPONDER_LIFETIME). Lifetimes need
 * not match: the shorter one is used.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { phase1Position } from '../../ike/messages.ts';
import { addRef, settingLine } from '../config-fix.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { at } from '../queries.ts';
import type { DiagnosisContext } from '../context.ts';
import type { Rule } from '../rule.ts';

/** The lifetime of the negotiation's proposal and the message that carried it (MM1), when no attribute line is in view. */
function proposedLifetime(ctx: DiagnosisContext): { seconds: number; line: LineRef } | null {
  const n = ctx.negotiation;
  const seconds = n?.phase1.proposal?.lifetimeSeconds ?? null;
  const line = n?.phase1.messages.find((m) => phase1Position(m.name) === 1)?.lines[0] ?? n?.span.first ?? null;
  return seconds !== null && line !== null ? { seconds, line } : null;
}

export const rule: Rule = {
  code: 'LIFETIME_ADJUSTED',
  diagnose(ctx) {
    const out: DiagnosedFinding[] = [];
    const seen = new Set<string>();
    let offered: { seconds: number; line: LineRef } | null = null;
    for (const e of ctx.events) {
      if (e.type === 'p1-attr' && e.attr === 'lifeDuration' && e.number !== null) offered = { seconds: e.number, line: e.at };
      if (e.type === 'p1-lifetime' && !offered) offered = proposedLifetime(ctx);
      if (e.type !== 'p1-lifetime' || e.kind !== 'actual' || e.seconds <= 0 || !offered || offered.seconds === e.seconds) continue;
      const key = `${offered.seconds}/${e.seconds}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const configLines: LineRef[] = [];
      for (const attached of [ctx.configs.initiator, ctx.configs.responder]) {
        for (const p of attached?.config.policies ?? []) {
          const line = settingLine(p.lifetimeSeconds, p.line);
          if (attached && line !== null && p.lifetimeSeconds.value === e.seconds) addRef(configLines, attached, line);
        }
      }
      out.push(
        finding({
          code: 'LIFETIME_ADJUSTED',
          severity: 'info',
          lines: [offered.line, e.at],
          summary: `Phase 1 lifetime ${offered.seconds} s was proposed, ${e.seconds} s is used: lifetimes need not match, the shorter one wins.`,
          fix: "Nothing to fix; set the same 'lifetime' in both routers' 'crypto isakmp policy' to avoid the surprise.",
          message: 'MM2',
          configLines,
        }),
      );
    }
    const notices = ctx.events.filter((e) => e.type === 'notify' && e.notify === 'RESPONDER_LIFETIME');
    if (notices.length > 0 && out.length === 0) {
      out.push(
        finding({
          code: 'LIFETIME_ADJUSTED',
          severity: 'info',
          lines: notices.map(at),
          summary: 'The responder sent RESPONDER_LIFETIME: it uses a shorter lifetime than was proposed, and the initiator adopts it.',
          fix: 'Nothing to fix; align the lifetimes to avoid the notice.',
          message: 'MM6',
        }),
      );
    }
    return out;
  },
};
