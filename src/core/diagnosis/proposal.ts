/**
 * The phase 1 proposal a log shows (the attribute lines under `Checking ISAKMP transform N against priority M
 * policy`), and the edit that makes a router's nearest policy accept it.
 */
import type { EffectiveConfig, IsakmpPolicy } from '../config/model.ts';
import { authWord, encryptionWord, hashWord } from '../config/observed.ts';
import type { IkeEvent } from '../log/events.ts';
import { applyProposalAttribute, emptyProposal, type ObservedProposal } from '../negotiation/proposal.ts';
import { policyLines, settingLine } from './config-fix.ts';

/** The proposal as the log shows it. */
export type SeenProposal = ObservedProposal;


/** The attributes of the last proposal checked at or before event index `upTo`. */
export function proposalBefore(events: readonly IkeEvent[], upTo: number): SeenProposal {
  const p = emptyProposal();
  let start = 0;
  for (let i = Math.min(upTo, events.length - 1); i >= 0; i -= 1) {
    if (events[i]?.type === 'p1-check') {
      start = i;
      break;
    }
  }
  for (let i = start; i <= upTo && i < events.length; i += 1) {
    const e = events[i];
    if (e?.type === 'p1-attr') applyProposalAttribute(p, e);
  }
  return p;
}

/** `AES-CBC 256, SHA, group 5, pre-share` (what is known). */
export function describeSeen(p: SeenProposal): string {
  const parts = [
    p.encryption === null ? null : `${p.encryption}${p.keyLength === null ? '' : ` ${p.keyLength}`}`,
    p.hash,
    p.group === null ? null : `group ${p.group}`,
    p.auth,
  ];
  return parts.filter((x): x is string => x !== null).join(', ');
}

export interface PolicyEdit {
  policy: IsakmpPolicy;
  /** Commands under `crypto isakmp policy N` that make it accept the proposal. */
  commands: string[];
  /** The lines those commands replace (the policy header where the value is an IOS default). */
  lines: number[];
}

/** The policy of `cfg` closest to the proposal and what to change in it; null when one already matches. */
export function nearestPolicyEdit(cfg: EffectiveConfig, p: SeenProposal): PolicyEdit | null {
  let best: PolicyEdit | null = null;
  for (const policy of cfg.policies) {
    const commands: string[] = [];
    const lines: (number | null)[] = [];
    const enc = p.encryption === null ? null : encryptionWord(p.encryption);
    if (enc !== null && (enc !== policy.encryption.value || (enc === 'aes' && (p.keyLength ?? 128) !== (policy.keyLength.value ?? 128)))) {
      commands.push(enc === 'aes' ? `encryption aes ${p.keyLength ?? 128}` : `encryption ${enc}`);
      lines.push(settingLine(policy.encryption, policy.line));
    }
    const hash = p.hash === null ? null : hashWord(p.hash);
    if (hash !== null && hash !== policy.hash.value) {
      commands.push(`hash ${hash}`);
      lines.push(settingLine(policy.hash, policy.line));
    }
    if (p.group !== null && p.group !== policy.group.value) {
      commands.push(`group ${p.group}`);
      lines.push(settingLine(policy.group, policy.line));
    }
    const auth = p.auth === null ? null : authWord(p.auth);
    if (auth !== null && auth !== policy.auth.value) {
      commands.push(`authentication ${auth}`);
      lines.push(settingLine(policy.auth, policy.line));
    }
    if (commands.length === 0) return null;
    if (!best || commands.length < best.commands.length) {
      best = { policy, commands, lines: lines.filter((l): l is number => l !== null) };
    }
  }
  if (best && best.lines.length === 0) best.lines = policyLines(best.policy);
  return best;
}
