/**
 * Will two routers agree? Router A initiates, router B responds, as IOS would run it, in the IKE version A
 * uses for B. IKEv1: A proposes its policies in priority order, B takes the first of its own that matches; the
 * same for transform sets in Quick Mode; then keys (MM5), proxies and PFS. IKEv2: IKE_SA_INIT's proposals, then
 * IKE_AUTH's identities, profiles and keys (ikev2-check.ts) and its child SA. Two routers set up for different
 * versions are told so, and the check goes on in A's. Each finding names the lines to change, on which router.
 */
import { ref, type CheckFinding, type CheckMessage, type Side } from './check-common.ts';
import { ikeVersionFor, ikev2Line } from './ikev2-decide.ts';
import { checkIkev2Sa } from './ikev2-check.ts';
import type { EffectiveConfig } from './model.ts';
import { ikeAddresses, pairSources } from './peer-view.ts';
import { checkPhase1 } from './phase1-check.ts';
import { checkPhase2, IKE_AUTH_CHILD } from './phase2-check.ts';
import { sourcePeers, type Phase2Source } from './phase2-sources.ts';
import { AGGRESSIVE_MODE, MAIN_MODE, QUICK_MODE, type ExchangeMessageName } from '../ike/messages.ts';
import { IKEV2_EXCHANGES, isIkev2Exchange, type Ikev2Exchange } from '../ike/ikev2.ts';

export type { CheckFinding } from './check-common.ts';

export type Agreement = 'agree' | 'disagree';

export interface CompatibilityResult {
  /** The IKE version A negotiates with B. */
  ikeVersion: 1 | 2;
  /** IKEv1's phase 1, or IKEv2's IKE SA (IKE_SA_INIT and IKE_AUTH's authentication). */
  phase1: Agreement;
  /** IKEv1's phase 2, or IKEv2's child SA. */
  phase2: Agreement;
  /** IKEv1: the message; IKEv2: the exchange (`IKE_SA_INIT`, `IKE_AUTH`, `CREATE_CHILD_SA`). */
  failsAt: ExchangeMessageName | Ikev2Exchange | null;
  findings: CheckFinding[];
  /** The policies that would be agreed (A's proposal, B's policy), when IKEv1's phase 1 agrees. */
  agreedPolicy: { initiator: number; responder: number } | null;
  /** IKEv2: the proposals that would be agreed (A's and B's), and the algorithms taken. */
  agreedProposal: { initiator: string; responder: string; algorithms: string } | null;
  /** The transform sets that would be agreed, when phase 2 agrees. */
  agreedTransformSet: { initiator: string; responder: string } | null;
  /** The addresses each side uses for the other, as far as the configs show them. */
  addresses: { a: string | null; b: string | null };
}

export interface CheckOptions {
  /** The file numbers of A and B in `LineRef`s; default [0, 1]. */
  files?: readonly [number, number];
}

const order: readonly string[] = [...MAIN_MODE, ...AGGRESSIVE_MODE, ...QUICK_MODE, ...IKEV2_EXCHANGES];

/**
 * Main Mode's messages as Aggressive Mode carries them: the proposal, key exchange and the initiator's identity in
 * AM1, the responder's choice, key exchange and hash in AM2 (where the initiator finds a wrong key), AM3 the last.
 */
const inAggressiveMode: ReadonlyMap<string, ExchangeMessageName> = new Map([
  ['MM1', 'AM1'],
  ['MM2', 'AM2'],
  ['MM3', 'AM1'],
  ['MM4', 'AM2'],
  ['MM5', 'AM2'],
  ['MM6', 'AM3'],
]);

/** IKEv2 stops at an exchange: a response's refusal is its exchange's. */
function exchangeOf(m: CheckMessage): ExchangeMessageName | Ikev2Exchange {
  const exchange = m.split('.')[0] ?? m;
  return isIkev2Exchange(exchange) ? exchange : (m as ExchangeMessageName);
}

/**
 * Whether two configs can be checked against each other: neither is an ASA's (`securityAppliance`), whose commands
 * share IOS's names but not their meaning. Every caller of checkCompatibility asks this first.
 */
export function checkable(aCfg: EffectiveConfig, bCfg: EffectiveConfig): boolean {
  return aCfg.securityAppliance === null && bCfg.securityAppliance === null;
}

/** Predicts the negotiation between router A (initiator) and router B (responder) from their configs. */
export function checkCompatibility(aCfg: EffectiveConfig, bCfg: EffectiveConfig, options: CheckOptions = {}): CompatibilityResult {
  const [fileA, fileB] = options.files ?? [0, 1];
  const A: Side = { cfg: aCfg, file: fileA, name: aCfg.router ?? 'A' };
  const B: Side = { cfg: bCfg, file: fileB, name: bCfg.router ?? 'B' };
  if (A.name === B.name) {
    A.name = `A (${A.name})`;
    B.name = `B (${B.name})`;
  }
  const findings: CheckFinding[] = [];
  const add = (f: CheckFinding) => findings.push(f);

  const { sa, sb } = pairSources(aCfg, bCfg);
  // Where A sends (B's address) and where B sends (A's address), from the configs themselves; a side that names
  // no peer (a dynamic map) sees the other at the address that side's own source runs IKE from.
  const ownAddress = (cfg: EffectiveConfig, source: Phase2Source | null) => (source ? ikeAddresses(cfg, source)?.[0] : null) ?? cfg.localAddresses[0]?.address ?? null;
  // Of the peers an entry names (`set peer X default`, `set peer Y`), the one the other router owns; else the first.
  const peerTowards = (source: Phase2Source | null, toCfg: EffectiveConfig, toSource: Phase2Source | null) => {
    const peers = source ? sourcePeers(source) : [];
    const own = toSource ? ikeAddresses(toCfg, toSource) : null;
    const index = own ? peers.findIndex((p) => own.includes(p.address)) : -1;
    return index >= 0 ? { ...peers[index]!, index } : peers[0] ? { ...peers[0], index: 0 } : null;
  };
  const bPeer = peerTowards(sa, bCfg, sb);
  const aPeer = peerTowards(sb, aCfg, sa);
  const bAddress = bPeer?.address ?? ownAddress(bCfg, sb);
  const aAddress = aPeer?.address ?? ownAddress(aCfg, sa);

  const ikeVersion = ikeVersionFor(aCfg, bAddress);
  const bVersion = ikeVersionFor(bCfg, aAddress);
  const first: CheckMessage = ikeVersion === 2 ? 'IKE_SA_INIT' : 'MM1';
  let unreachable = false;
  for (const [from, to, source, toSource, peer] of [
    [A, B, sa, sb, bPeer],
    [B, A, sb, sa, aPeer],
  ] as const) {
    // Only an address the config names is sent to: a dynamic map names none, and never initiates.
    const address = peer?.address ?? null;
    const own = toSource ? ikeAddresses(to.cfg, toSource) : null;
    if (source && peer && peer.index > 0 && own?.includes(peer.address)) {
      const before = sourcePeers(source).slice(0, peer.index).map((p) => p.address);
      add({
        code: 'PEER_UNREACHABLE',
        severity: 'info',
        message: null,
        lines: ref(from, peer.line),
        summary: `${to.name} is ${from.name}'s peer ${peer.index + 1} (${peer.address}): ${from.name} tries ${before.join(', then ')} first and turns to ${peer.address} when ${before.length > 1 ? 'they do' : 'it does'} not answer.`,
        fix: 'Nothing to fix for this pair; the order of the set peer lines is the order IOS tries them.',
      });
    }
    if (!source || !address || !own || own.length === 0 || own.includes(address)) continue;
    const peerLine = peer?.line;
    if (from === A) unreachable = true;
    add({
      code: 'PEER_UNREACHABLE',
      severity: from === A ? 'error' : 'warning',
      message: from === A ? first : null,
      lines: ref(from, peerLine),
      summary: `${from.name} sends IKE to ${address}, which is not the address ${to.name} terminates IKE on (${own.join(', ')})${from === A ? '' : `: only matters when ${from.name} initiates`}.`,
      fix: `On ${from.name}, point ${source.kind === 'tunnel' ? "'tunnel destination'" : "'set peer'"} at ${to.name}'s address.`,
    });
  }

  /** Two routers set up for different versions: an error where A's negotiation fails, else a warning about B initiating. */
  const versions = (checked: CompatibilityResult): CompatibilityResult => {
    if (bVersion === ikeVersion) return checked;
    const [v2, v2Source] = ikeVersion === 2 ? [A, sa] : [B, sb];
    const fails = checked.failsAt !== null;
    const finding: CheckFinding = {
      code: 'P1_POLICY_MISMATCH',
      severity: fails ? 'error' : 'warning',
      message: fails ? first : null,
      lines: ref(v2, ikev2Line(v2.cfg, v2Source)),
      summary: `${A.name} negotiates IKEv${ikeVersion} with ${B.name}, but ${B.name} is set up for IKEv${bVersion} with ${A.name}: ${
        fails ? `${B.name} answers ${first} from its IKEv${ikeVersion} configuration alone, and it does not fit` : `initiated by ${A.name} it works; initiated by ${B.name} it is IKEv${bVersion}, which ${A.name}'s IKEv${bVersion} configuration has to answer`
      }.`,
      fix: `Use one version on both: 'set ikev2-profile' (with an IKEv2 profile and keyring) on ${ikeVersion === 2 ? B.name : A.name}, or remove it from ${ikeVersion === 2 ? A.name : B.name}.`,
    };
    return { ...checked, findings: [finding, ...checked.findings] };
  };
  if (ikeVersion === 2) {
    const ikeSa = checkIkev2Sa({ A, B, sa, aAddress, bAddress, add });
    const child = checkPhase2({ A, B, sa, sb, aAddress, bAddress, add, child: IKE_AUTH_CHILD });
    const choice = ikeSa.choice;
    return versions(result(ikeVersion, unreachable ? first : ikeSa.fails, child.fails, findings, {
      agreedPolicy: null,
      agreedProposal: choice ? { initiator: choice.offered.name, responder: choice.proposal.name, algorithms: [choice.encryption, choice.integrity, `prf ${choice.prf}`, `group ${choice.group}`].filter((x) => x !== null).join(' ') } : null,
      agreedTransformSet: child.agreedTransformSet,
      addresses: { a: aAddress, b: bAddress },
    }));
  }
  const aProfileName = sa?.policy?.isakmpProfile.value ?? null;
  // `initiate mode aggressive` in the ISAKMP profile A's entry names: phase 1 is Aggressive Mode's three messages.
  const aggressive = aCfg.isakmpProfiles.find((p) => p.name === aProfileName && p.aggressive !== null) ?? null;
  const p1 = checkPhase1({ A, B, aAddress, bAddress, add, aProfile: aProfileName, aggressive: aggressive !== null });
  const p2 = checkPhase2({ A, B, sa, sb, aAddress, bAddress, add });
  const phase1Name = (m: CheckMessage | null): CheckMessage | null => (aggressive && m !== null ? (inAggressiveMode.get(m) ?? m) : m);
  if (aggressive) for (const f of findings) f.message = phase1Name(f.message);
  return versions(result(ikeVersion, unreachable ? phase1Name(first) : phase1Name(p1.fails), p2.fails, findings, {
    agreedPolicy: p1.agreedPolicy,
    agreedProposal: null,
    agreedTransformSet: p2.agreedTransformSet,
    addresses: { a: aAddress, b: bAddress },
  }));
}

function result(
  ikeVersion: 1 | 2,
  phase1Fails: CheckMessage | null,
  phase2Fails: CheckMessage | null,
  findings: CheckFinding[],
  agreed: Pick<CompatibilityResult, 'agreedPolicy' | 'agreedProposal' | 'agreedTransformSet' | 'addresses'>,
): CompatibilityResult {
  const fails = [phase1Fails, phase2Fails].filter((m) => m !== null).map(exchangeOf);
  fails.sort((x, y) => order.indexOf(x) - order.indexOf(y));
  return {
    ikeVersion,
    phase1: phase1Fails === null ? 'agree' : 'disagree',
    phase2: phase2Fails === null ? 'agree' : 'disagree',
    failsAt: fails[0] ?? null,
    findings,
    ...agreed,
  };
}
