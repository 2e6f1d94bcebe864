/**
 * WEAK_CRYPTO: what was negotiated uses DES, 3DES, MD5 or DH group 1, 2 or 5 (the seed's own policy, DES /
 * SHA / group 1, is one), or IOS-XE flags a configured policy as not CSDL compliant. A warning: it works
 * today, IOS-XE 17.11 and later refuse it.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { explainObserved } from '../../config/explain.ts';
import { isWeakGroup, isWeakPhase1, isWeakTransform } from '../../config/defaults.ts';
import { encryptionWord, hashWord } from '../../config/observed.ts';
import type { IkeEvent } from '../../log/events.ts';
import type { DiagnosisContext } from '../context.ts';
import { finding } from '../finding.ts';
import { proposalBefore } from '../proposal.ts';
import type { Rule } from '../rule.ts';

const ADVICE =
  'Use AES-256 (encryption aes 256), SHA-256 or stronger (hash sha256 / sha384), DH group 14, or better 19 / 20 (elliptic curve), in the ISAKMP policy on both routers; esp-aes 256 esp-sha256-hmac (or esp-gcm 256) in the transform set; set pfs group14 or higher.';

/** Weak values of one accepted phase 1 proposal: the attribute lines and their names. */
function weakPhase1(events: readonly IkeEvent[], acceptedAt: number): { names: string[]; lines: LineRef[] } {
  const names: string[] = [];
  const lines: LineRef[] = [];
  let start = 0;
  for (let i = acceptedAt; i >= 0; i -= 1) {
    if (events[i]?.type === 'p1-check') {
      start = i;
      break;
    }
  }
  for (let i = start; i < acceptedAt; i += 1) {
    const e = events[i];
    if (e?.type !== 'p1-attr') continue;
    const word = e.attr === 'encryption' ? encryptionWord(e.value) : e.attr === 'hash' ? hashWord(e.value) : e.attr === 'group' ? `group${e.number ?? ''}` : null;
    if (word !== null && isWeakPhase1(word)) {
      names.push(e.attr === 'group' ? `DH group ${e.number ?? ''}` : word.toUpperCase());
      lines.push(e.at);
    }
  }
  return { names, lines };
}

function weakPhase2(e: IkeEvent): string | null {
  if (e.type === 'p2-transform' && /^ESP_3?DES$/.test(e.name)) return e.name === 'ESP_DES' ? 'esp-des' : 'esp-3des';
  if (e.type === 'p2-attr' && e.attr === 'authenticator' && /MD5/i.test(e.value)) return 'esp-md5-hmac';
  if (e.type === 'p2-attr' && e.attr === 'group' && e.number !== null && isWeakGroup(e.number)) return `PFS group ${e.number}`;
  return null;
}

/** The weak transforms of a transform set as printed; a log repeats the same few sets, each is read once. */
function weakTransformsIn(ctx: DiagnosisContext, transformSet: string): readonly string[] {
  const read = ctx.memo.table<readonly string[]>(weakTransformsIn);
  let weak = read.get(transformSet);
  if (weak === undefined) {
    weak = transformSet.split(' ').filter((t) => t.startsWith('esp-') || t.startsWith('ah-')).filter(isWeakTransform);
    read.set(transformSet, weak);
  }
  return weak;
}

/** The config lines of the policy that matches what was negotiated, on each router given. */
function policyLines(ctx: DiagnosisContext, index: number): LineRef[] {
  const p = proposalBefore(ctx.events, index);
  const out: LineRef[] = [];
  for (const attached of [ctx.configs.initiator, ctx.configs.responder]) {
    if (!attached) continue;
    const [explained] = explainObserved(attached.config, { proposal: p });
    if (explained?.agrees) out.push(...explained.lines.map((line) => ({ file: attached.file, line })));
  }
  return out;
}

/**
 * When the events hold no attribute lines (a negotiation's evidence keeps refusals, not proposals): the
 * negotiation's agreed proposal and Quick Mode transforms, with the messages that carried them as evidence.
 */
function fromNegotiation(ctx: DiagnosisContext, names: Set<string>, lines: LineRef[]): void {
  const n = ctx.negotiation;
  if (!n) return;
  const p = n.phase1.proposal;
  if (p && n.phase1.outcome === 'complete') {
    const found: string[] = [];
    const enc = encryptionWord(p.encryption);
    if (enc !== null && isWeakPhase1(enc)) found.push(enc.toUpperCase());
    const hash = hashWord(p.hash);
    if (hash !== null && isWeakPhase1(hash)) found.push(hash.toUpperCase());
    if (p.group !== null && isWeakGroup(p.group)) found.push(`DH group ${p.group}`);
    if (found.length > 0) {
      for (const f of found) names.add(f);
      for (const m of n.phase1.messages) if ((m.name === 'MM1' || m.name === 'MM2' || m.name === 'AM1' || m.name === 'AM2') && m.lines[0]) lines.push(m.lines[0]);
    }
  }
  for (const q of n.phase2) {
    if (q.outcome !== 'complete') continue;
    const found = weakTransformsIn(ctx, q.transform ?? '');
    const weakPfs = q.pfsGroup !== null && isWeakGroup(q.pfsGroup);
    if (found.length === 0 && !weakPfs) continue;
    for (const f of found) names.add(f);
    if (weakPfs) names.add(`PFS group ${q.pfsGroup}`);
    const qm1 = q.messages.find((m) => m.name === 'QM1')?.lines[0];
    if (qm1) lines.push(qm1);
  }
}

export const rule: Rule = {
  code: 'WEAK_CRYPTO',
  diagnose(ctx) {
    const names = new Set<string>();
    const lines: LineRef[] = [];
    const configLines: LineRef[] = [];
    ctx.events.forEach((e, index) => {
      if (e.type === 'p1-atts' && e.acceptable) {
        const weak = weakPhase1(ctx.events, index);
        if (weak.names.length > 0) {
          for (const n of weak.names) names.add(n);
          lines.push(...weak.lines);
          configLines.push(...policyLines(ctx, index));
        }
      }
      const p2 = weakPhase2(e);
      if (p2 !== null) {
        names.add(p2);
        lines.push(e.at);
      }
    });
    if (names.size === 0) fromNegotiation(ctx, names, lines);
    const csdl = ctx.events.filter((e) => e.type === 'error' && e.code === 'csdl');
    for (const e of csdl) {
      if (e.type !== 'error') continue;
      for (const m of e.text.matchAll(/\((3des|des|md5)\)|Group \((\d+)\)/gi)) {
        if (m[1]) names.add(m[1].toUpperCase());
        if (m[2] && isWeakGroup(Number(m[2]))) names.add(`DH group ${m[2]}`);
      }
    }
    if (names.size === 0 && csdl.length === 0) return [];
    const list = [...names].join(', ');
    const negotiated = lines.length > 0 ? `The negotiation used ${list}` : `IOS-XE flags configured algorithms as not compliant (${list || 'weak algorithms'})`;
    return [
      finding({
        code: 'WEAK_CRYPTO',
        severity: 'warning',
        lines: [...lines, ...csdl.map((e) => e.at)],
        summary: `${negotiated}: weak algorithms, refused by default from IOS-XE 17.11 on (field notice FN72510).`,
        fix: ADVICE,
        message: lines.length > 0 ? 'MM1' : null,
        configLines,
      }),
    ];
  },
};
