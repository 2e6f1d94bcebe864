/**
 * PSK_MISMATCH: the peer cannot read MM5 (or this side MM6): `%CRYPTO-4-IKMP_BAD_MESSAGE ... failed its sanity
 * check or is malformed`, MM5/MM6 retransmitted in MM_KEY_EXCH, `Death by retransmission P1`.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { checkedFinding, keyLine, addRef, routerName } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { at, hasEvents, phase1CompletedAfter } from '../queries.ts';
import { lineWords } from '../line-words.ts';
import { redHerrings } from '../red-herrings.ts';
import { phase1Retransmits } from '../retransmits.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../printed-by.ts';

export const rule: Rule = {
  code: 'PSK_MISMATCH',
  diagnose(ctx) {
    const sideOf = sidesOf(ctx);
    const bad = hasEvents(ctx, ['syslog']) ? ctx.events.filter((e) => e.type === 'syslog' && e.mnemonic === 'IKMP_BAD_MESSAGE') : [];
    const runs = phase1Retransmits(ctx).filter((r) => r.cause === 'psk');
    if (bad.length === 0 && runs.length === 0) return [];
    const lastBad = bad[bad.length - 1];
    const recovered = runs.length === 0 && lastBad !== undefined && phase1CompletedAfter(ctx, ctx.events.indexOf(lastBad) + 1);
    const parts: string[] = [];
    const badFirst = bad[0];
    if (badFirst) {
      // the router that printed it could not read it: which side that is, the builder says (or no one)
      const who = routerName(ctx, sideOf(badFirst));
      const from = badFirst.type === 'syslog' && badFirst.peer ? badFirst.peer : 'the peer';
      parts.push(`${who} could not read a message from ${from} ("failed its sanity check or is malformed", ${lineWords([badFirst.at], ctx)}): it was encrypted with a key derived from a different pre-shared key`);
    }
    for (const r of runs) {
      const who = routerName(ctx, r.side);
      parts.push(`${who} resent ${r.message ?? 'its MM_KEY_EXCH message'} ${r.retransmissions} time${r.retransmissions === 1 ? '' : 's'} without a usable answer${r.death ? ', then gave up ("Death by retransmission P1")' : ''}`);
    }
    const summary = recovered
      ? `${parts.join('; ')}. Phase 1 completed afterwards, so this was a one-off (a resent packet crossing a new exchange), not a key mismatch.`
      : `${parts.join('; ')}. The pre-shared keys differ (or, more rarely, the path drops the larger MM5/MM6 packets): ${ctx.negotiation?.phase1.mode === 'main' ? 'Main Mode stops at MM5' : 'phase 1 stops at its first encrypted message (MM5 in Main Mode)'}.`;
    const { fix, configLines } = keyFix(ctx);
    return [
      finding({
        code: 'PSK_MISMATCH',
        severity: recovered ? 'warning' : 'error',
        lines: [...bad.map(at), ...runs.flatMap((r) => r.events.map(at))],
        summary,
        fix,
        message: 'MM5',
        side: runs[0]?.side ?? (badFirst ? sideOf(badFirst) : null),
        configLines,
        explained: redHerrings(ctx),
      }),
    ];
  },
};

function keyFix(ctx: Parameters<Rule['diagnose']>[0]): { fix: string; configLines: LineRef[] } {
  const { initiator, responder } = ctx.configs;
  const checked = checkedFinding(ctx, 'PSK_MISMATCH');
  if (checked) return { fix: `${checked.fix} (${lineWords(checked.lines, ctx)})`, configLines: checked.lines };
  const lines: LineRef[] = [];
  const named: string[] = [];
  for (const [side, attached] of [['initiator', initiator], ['responder', responder]] as const) {
    if (!attached) continue;
    const peer = ctx.negotiation?.routers[side === 'initiator' ? 'responder' : 'initiator'].address ?? null;
    const line = keyLine(attached.config, peer, ctx.negotiation?.routers[side].address ?? null);
    if (line !== null) {
      addRef(lines, attached, line);
      named.push(`${routerName(ctx, side)} line ${line}`);
    }
  }
  if (initiator && responder && named.length === 2) {
    return { fix: `The loaded configs hold the same key (${named.join(', ')}): the running configs differ from them, or a more specific key line matches first. Re-enter the key on both routers.`, configLines: lines };
  }
  if (named.length > 0) {
    return { fix: `Make the key on ${named.join(', ')} the same string as the peer's 'crypto isakmp key ... address' for this router (compare with 'show running-config | include crypto isakmp key' on the peer).`, configLines: lines };
  }
  return {
    fix: "On both routers, 'show running-config | include crypto isakmp key|pre-shared-key' and re-enter the same key: crypto isakmp key KEY address PEER.",
    configLines: lines,
  };
}
