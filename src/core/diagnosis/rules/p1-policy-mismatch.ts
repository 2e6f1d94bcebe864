/**
 * P1_POLICY_MISMATCH: a phase 1 proposal refused (`Proposed key length does not match policy`, `atts are not
 * acceptable`). Harmless when a later policy matched; an error when nothing did (`no offers accepted!`,
 * `phase 1 SA policy not acceptable!`) or when the peer says so (NO_PROPOSAL_CHOSEN received).
 */
import type { LineRef } from '../../ike/line-ref.ts';
import type { Severity } from '../../analysis.ts';
import type { IkeEvent } from '../../log/events.ts';
import { checkedFinding, ref, routerName } from '../config-fix.ts';
import type { DiagnosisContext } from '../context.ts';
import { finding, mergeRepeats, type DiagnosedFinding } from '../finding.ts';
import { describeSeen, nearestPolicyEdit, proposalBefore, type SeenProposal } from '../proposal.ts';
import { at, hasEvents, phase1CompletedAfter } from '../queries.ts';
import { lineWords } from '../line-words.ts';
import type { Rule } from '../rule.ts';
import { phase1Retransmits } from '../retransmits.ts';
import { printerSlot } from '../printed-by.ts';
import { nameInMode } from '../../ike/messages.ts';
import { lookupTable } from '../../ike/lookup-table.ts';

const ATTRIBUTE_WORDS = lookupTable<string>({
  encryption: 'encryption',
  keyLength: 'AES key length',
  hash: 'hash',
  group: 'DH group',
  auth: 'authentication method',
  lifeType: 'life type',
  other: 'an attribute',
});

interface Round {
  refused: IkeEvent[];
  end: IkeEvent | null;
  outcome: 'accepted' | 'rejected' | 'open';
  proposal: SeenProposal;
  priorities: number[];
}

/** Rounds of policy checks: refusals up to the acceptance or the final rejection that ends them. */
function rounds(ctx: DiagnosisContext): Round[] {
  // a round is made of refusals: without any, the checks of each proposal need no following
  if (!hasEvents(ctx, ['p1-mismatch', 'p1-rejected']) && !ctx.events.some((e) => e.type === 'p1-atts' && !e.acceptable)) return [];
  const out: Round[] = [];
  let cur: Round | null = null;
  let priorities: number[] = [];
  ctx.events.forEach((e, index) => {
    if (e.type === 'p1-check') priorities.push(e.priority);
    const refusal = e.type === 'p1-mismatch' || (e.type === 'p1-atts' && !e.acceptable);
    if (refusal) {
      cur ??= { refused: [], end: null, outcome: 'open', proposal: proposalBefore(ctx.events, index), priorities: [] };
      if (!out.includes(cur)) out.push(cur);
      cur.refused.push(e);
      return;
    }
    if (e.type === 'p1-atts' && e.acceptable) {
      if (cur) {
        cur.end = e;
        cur.outcome = 'accepted';
        cur.priorities = [...new Set(priorities)];
      }
      cur = null;
      priorities = [];
    } else if (e.type === 'p1-rejected') {
      cur ??= { refused: [], end: null, outcome: 'rejected', proposal: proposalBefore(ctx.events, index), priorities: [] };
      if (!out.includes(cur)) out.push(cur);
      if (cur.outcome === 'rejected' && cur.end !== null) cur.refused.push(e);
      else cur.end = e;
      cur.outcome = 'rejected';
      cur.priorities = [...new Set(priorities)];
    } else if (e.type === 'packet' && e.dir === 'in' && e.role === 'N') {
      cur = null;
      priorities = [];
    }
  });
  return out;
}

/**
 * A round the events leave open (a negotiation's evidence holds refusals, not acceptances): the negotiation
 * says how it ended. Its proposal stands in for attribute lines the events do not carry.
 */
function judged(ctx: DiagnosisContext, r: Round): Round {
  const n = ctx.negotiation;
  if (!n) return r;
  const out = { ...r };
  if (describeSeen(out.proposal) === '' && n.phase1.proposal) out.proposal = { ...n.phase1.proposal };
  if (out.outcome === 'open') {
    const last = r.refused[r.refused.length - 1];
    if (last && phase1CompletedAfter(ctx, ctx.events.indexOf(last) + 1)) out.outcome = 'accepted';
    else if (n.phase1.outcome === 'failed') out.outcome = 'rejected';
  }
  return out;
}

function refusedAttributes(r: Round): string {
  const attrs = [...new Set(r.refused.flatMap((e) => (e.type === 'p1-mismatch' ? [ATTRIBUTE_WORDS[e.attr] ?? e.attr] : [])))];
  return attrs.length > 0 ? attrs.join(', ') : 'attributes';
}

function fixFor(ctx: DiagnosisContext, r: Round): { fix: string; configLines: LineRef[] } {
  const checked = checkedFinding(ctx, 'P1_POLICY_MISMATCH');
  if (checked) return { fix: checked.fix, configLines: checked.lines };
  const responder = ctx.configs.responder;
  if (responder) {
    const edit = nearestPolicyEdit(responder.config, r.proposal);
    if (edit) {
      return {
        fix: `On ${routerName(ctx, 'responder')}, under 'crypto isakmp policy ${edit.policy.priority}' (line ${edit.lines.join(', ')}): ${edit.commands.join(', ')}, so it accepts the initiator's proposal; or make the initiator propose what policy ${edit.policy.priority} has.`,
        configLines: edit.lines.flatMap((l) => ref(responder, l)),
      };
    }
  }
  const initiator = ctx.configs.initiator;
  if (initiator) {
    const offered = initiator.config.policies.filter((p) => p.line !== null);
    return {
      fix: `${routerName(ctx, 'initiator')} proposes its policies (${offered.map((p) => `priority ${p.priority}, line ${p.line ?? ''}`).join('; ')}): make one of them equal to a policy of ${routerName(ctx, 'responder')} in encryption (and AES key length), hash, DH group and authentication.`,
      configLines: offered.flatMap((p) => ref(initiator, p.line)),
    };
  }
  return {
    fix: `Compare 'show crypto isakmp policy' on both routers: at least one policy must have the same encryption (and AES key length), hash, DH group and authentication. Here the ${refusedAttributes(r)} differed.`,
    configLines: [],
  };
}

/** Where a refused phase 1 ends, in the mode the log shows (none named where no line shows it). */
function stopsAtFirstMessage(ctx: DiagnosisContext): string {
  const mode = ctx.negotiation?.phase1.mode ?? null;
  const first = nameInMode('MM1', mode);
  if (mode === 'main') return `Main Mode stops at ${first}.`;
  if (mode === 'aggressive') return `Aggressive Mode stops at ${first}.`;
  return `Phase 1 stops at its first message (${first}).`;
}

export const rule: Rule = {
  code: 'P1_POLICY_MISMATCH',
  diagnose(ctx) {
    const out: DiagnosedFinding[] = [];
    const stops = stopsAtFirstMessage(ctx);
    const all = rounds(ctx).map((r) => judged(ctx, r));
    // The initiator's view: the responder refused everything (NO_PROPOSAL_CHOSEN about phase 1).
    const told = hasEvents(ctx, ['notify'])
      ? ctx.events.filter((e) => e.type === 'notify' && e.dir === 'in' && (e.notify === 'NO_PROPOSAL_CHOSEN' || (e.notify === 'PROPOSAL_NOT_CHOSEN' && e.protocol === 1)))
      : [];
    let toldUsed = false;
    const resent = phase1Retransmits(ctx)
      .filter((r) => r.cause === 'refused')
      .reduce((n, r) => n + r.retransmissions, 0);
    for (const r of all) {
      const severity: Severity = r.outcome === 'accepted' ? 'info' : r.outcome === 'rejected' ? 'error' : 'warning';
      // the router that printed the refusal is the one that refused, whatever its role
      const printed = r.refused[0] ?? r.end;
      const refuser = (printed && printerSlot(ctx, printed)) ?? 'responder';
      const responder = routerName(ctx, refuser);
      const offered = describeSeen(r.proposal);
      const checkedPolicies = r.priorities.length > 0 ? ` (checked against priority ${r.priorities.join(', ')})` : '';
      let summary: string;
      if (r.outcome === 'accepted') {
        summary = `${responder} refused a proposal${offered ? ` (${offered})` : ''} on its ${refusedAttributes(r)}, then accepted another${r.end ? ` (${lineWords([r.end.at], ctx)})` : ''}: not a failure, IOS tries each proposal against each policy in turn.`;
      } else if (r.outcome === 'rejected') {
        summary = `${responder} refused every phase 1 proposal${offered ? ` (${offered})` : ''}${checkedPolicies}: the ${refusedAttributes(r)} matched none of its policies ("phase 1 SA policy not acceptable"). ${stops}`;
        if (told.length > 0) {
          summary += ` The initiator was told with NO_PROPOSAL_CHOSEN (${lineWords(told.map(at), ctx)}).`;
          toldUsed = true;
        }
        if (resent) summary += ` The initiator's MM1 resends that follow (${resent} of them) are a consequence, not a second problem.`;
      } else {
        summary = `${responder} refused a proposal${offered ? ` (${offered})` : ''} on its ${refusedAttributes(r)}; the log ends before saying whether another policy matched.`;
      }
      const { fix, configLines } = r.outcome === 'accepted' ? { fix: 'Nothing to fix; to skip the refused check, order the policies so the one both sides share comes first.', configLines: [] } : fixFor(ctx, r);
      const lines = [...r.refused.map(at), ...(r.end ? [r.end.at] : []), ...(r.outcome === 'rejected' && toldUsed ? told.map(at) : [])];
      out.push(finding({ code: 'P1_POLICY_MISMATCH', severity, lines, summary, fix, message: 'MM1', side: refuser, configLines }));
    }
    if (told.length > 0 && !toldUsed) {
      const { fix, configLines } = fixFor(ctx, { refused: [], end: null, outcome: 'rejected', proposal: proposalBefore([], 0), priorities: [] });
      out.push(
        finding({
          code: 'P1_POLICY_MISMATCH',
          severity: 'error',
          lines: told.map(at),
          summary: `${routerName(ctx, 'responder')} refused all of ${routerName(ctx, 'initiator')}'s phase 1 proposals (NO_PROPOSAL_CHOSEN received): which attribute differed is in the responder's own log.`,
          fix,
          message: 'MM2',
          side: 'initiator',
          configLines,
        }),
      );
    }
    return mergeRepeats(out);
  },
};
