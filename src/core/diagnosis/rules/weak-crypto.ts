/**
 * WEAK_CRYPTO: what was negotiated uses DES, 3DES, MD5 or DH group 1, 2 or 5 (the seed's own policy, DES /
 * SHA / group 1, is one), or IOS-XE flags a configured policy as not CSDL compliant. A warning: it works
 * today, IOS-XE 17.11 and later refuse it. Where the log is an ASA's or FTD's (asa-device.ts), no IOS-XE release
 * is named: the finding says what current guidance is, and the fix names the ASA's commands.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { phase1Position } from '../../ike/messages.ts';
import { explainObserved } from '../../config/explain.ts';
import { isWeakGroup, isWeakPhase1, isWeakTransform } from '../../config/defaults.ts';
import { encryptionWord, hashWord } from '../../config/observed.ts';
import type { IkeEvent } from '../../log/events.ts';
import { showsAsa } from '../../log/asa-device.ts';
import type { DiagnosisContext } from '../context.ts';
import { finding } from '../finding.ts';
import { applyProposalAttribute, emptyProposal, type ObservedProposal } from '../../negotiation/proposal.ts';
import type { Rule } from '../rule.ts';

const ASA_ADVICE =
  'Use encryption aes-256 and group 14 or higher in the crypto ikev1 policy on both ends (or IKEv2: a crypto ikev2 policy with encryption aes-256, integrity sha256, group 14 or higher), esp-aes-256 esp-sha-256-hmac in the crypto ipsec ikev1 transform-set, and set pfs group14 in the crypto map entry.';
const ADVICE =
  'Use AES-256 (encryption aes 256), SHA-256 or stronger (hash sha256 / sha384), DH group 14, or better 19 / 20 (elliptic curve), in the ISAKMP policy on both routers; esp-aes 256 esp-sha256-hmac (or esp-gcm 256) in the transform set; set pfs group14 or higher.';

/** The weak name of one printed phase 1 attribute (`DES`, `MD5`, `DH group 1`), or null. */
function weakAttribute(e: Extract<IkeEvent, { type: 'p1-attr' }>): string | null {
  const word = e.attr === 'encryption' ? encryptionWord(e.value) : e.attr === 'hash' ? hashWord(e.value) : e.attr === 'group' ? `group${e.number ?? ''}` : null;
  if (word === null || !isWeakPhase1(word)) return null;
  return e.attr === 'group' ? `DH group ${e.number ?? ''}` : word.toUpperCase();
}

/**
 * The weak attributes of every accepted phase 1 proposal, in one pass: the attributes printed since the last
 * `Checking ISAKMP transform` count when `atts are acceptable` follows. Each attribute line and each distinct
 * proposal is taken once, however many acceptances repeat it.
 */
function weakPhase1(ctx: DiagnosisContext, names: Set<string>, lines: LineRef[], configLines: LineRef[]): void {
  let proposal = emptyProposal();
  let weakSinceCheck: { name: string; at: LineRef }[] = [];
  let reported = 0;
  let proposalChanged = true;
  for (const e of ctx.events) {
    if (e.type === 'p1-check') {
      proposal = emptyProposal();
      weakSinceCheck = [];
      reported = 0;
      proposalChanged = true;
    } else if (e.type === 'p1-attr') {
      applyProposalAttribute(proposal, e);
      proposalChanged = true;
      const name = weakAttribute(e);
      if (name !== null) weakSinceCheck.push({ name, at: e.at });
    } else if (e.type === 'p1-atts' && e.acceptable && weakSinceCheck.length > 0) {
      for (; reported < weakSinceCheck.length; reported += 1) {
        const weak = weakSinceCheck[reported]!;
        names.add(weak.name);
        lines.push(weak.at);
      }
      if (proposalChanged) for (const line of policyLines(ctx, proposal)) configLines.push(line);
      proposalChanged = false;
    }
  }
}

const NONE: readonly string[] = [];

/** The weak algorithms of an ISAKMP SA that `show crypto isakmp sa detail` lists. */
function weakShownPhase1(e: Extract<IkeEvent, { type: 'show-isakmp-detail' }>): readonly string[] {
  const found: string[] = [];
  const enc = encryptionWord(e.encryption);
  if (enc !== null && isWeakPhase1(enc)) found.push(enc.toUpperCase());
  const hash = hashWord(e.hash);
  if (hash !== null && isWeakPhase1(hash)) found.push(hash.toUpperCase());
  if (isWeakGroup(e.group)) found.push(`DH group ${e.group}`);
  return found;
}

/** The weak phase 2 algorithms one line names: a Quick Mode attribute, or the SAs show output lists. */
function weakPhase2(ctx: DiagnosisContext, e: IkeEvent): readonly string[] {
  if (e.type === 'p2-transform' && /^ESP_3?DES$/.test(e.name)) return [e.name === 'ESP_DES' ? 'esp-des' : 'esp-3des'];
  if (e.type === 'p2-attr' && e.attr === 'authenticator' && /MD5/i.test(e.value)) return ['esp-md5-hmac'];
  if ((e.type === 'p2-attr' || e.type === 'show-ipsec-pfs') && pfsGroup(e) !== null && isWeakGroup(pfsGroup(e) ?? 0)) return [`PFS group ${pfsGroup(e) ?? ''}`];
  // `show crypto ipsec sa`'s `transform: esp-3des esp-sha-hmac ,`, `show crypto session detail`'s `transform : ...`
  if (e.type === 'show-ipsec-transform' || (e.type === 'show-session-spi' && e.transform !== null)) return weakTransformsIn(ctx, e.transform ?? '');
  return NONE;
}

function pfsGroup(e: Extract<IkeEvent, { type: 'p2-attr' | 'show-ipsec-pfs' }>): number | null {
  return e.type === 'show-ipsec-pfs' ? e.group : e.attr === 'group' ? e.number : null;
}

const isShown = (e: IkeEvent): boolean => e.type.startsWith('show-');

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
function policyLines(ctx: DiagnosisContext, proposal: ObservedProposal): LineRef[] {
  const out: LineRef[] = [];
  for (const attached of [ctx.configs.initiator, ctx.configs.responder]) {
    if (!attached) continue;
    const [explained] = explainObserved(attached.config, { proposal });
    if (explained?.agrees) for (const line of explained.lines) out.push({ file: attached.file, line });
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
      for (const m of n.phase1.messages) if ((phase1Position(m.name) ?? 3) <= 2 && m.lines[0]) lines.push(m.lines[0]);
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
    weakPhase1(ctx, names, lines, configLines);
    // show output shows no message: MM1 only when a line of the exchange is among the evidence
    let exchanged = lines.length > 0;
    for (const e of ctx.events) {
      const p2 = e.type === 'show-isakmp-detail' ? weakShownPhase1(e) : weakPhase2(ctx, e);
      if (p2.length === 0) continue;
      for (const name of p2) names.add(name);
      lines.push(e.at);
      if (!isShown(e)) exchanged = true;
    }
    const before = lines.length;
    if (names.size === 0) fromNegotiation(ctx, names, lines);
    if (lines.length > before) exchanged = true;
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
    // an ASA's or FTD's output: IOS-XE's release and field notice are not this device's
    const asa = ctx.events.some(showsAsa);
    const negotiated = lines.length > 0 ? `${exchanged ? 'The negotiation used' : 'Show output lists SAs that use'} ${list}` : `IOS-XE flags configured algorithms as not compliant (${list || 'weak algorithms'})`;
    // esp-null is not a weak cipher but none: say so, the traffic crosses in clear
    const noCipher = 'esp-null encrypts nothing: the traffic crosses in clear, only authenticated';
    const what = names.size === 1 && names.has('esp-null') ? `no encryption (${noCipher})` : `weak algorithms${names.has('esp-null') ? ` (${noCipher})` : ''}`;
    return [
      finding({
        code: 'WEAK_CRYPTO',
        severity: 'warning',
        lines: [...lines, ...csdl.map((e) => e.at)],
        summary: asa
          ? `${negotiated}: ${what}, below current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).`
          : `${negotiated}: ${what}, refused by default from IOS-XE 17.11 on (field notice FN72510).`,
        fix: asa ? ASA_ADVICE : ADVICE,
        message: exchanged ? 'MM1' : null,
        configLines,
      }),
    ];
  },
};
