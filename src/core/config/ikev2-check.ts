/**
 * The IKE SA of the compatibility check for two IKEv2 routers: A offers the proposals of its policy in
 * IKE_SA_INIT and B takes one; in IKE_AUTH, B selects an IKEv2 profile by A's identity, A checks B's identity
 * against its own profile, each side's method must be one the other accepts and each AUTH must verify with the
 * key the other holds. The child SA is checked by phase2-check.ts with IKE_AUTH's words.
 */
import { ref, settingRef, type AddFinding, type CheckMessage, type Side } from './check-common.ts';
import { releaseNames } from './defaults.ts';
import { authMethods, chooseProposal, initiatingProfile, keysFor, localIdentityOf, policyFor, profileFor, proposalsOf, unsharedTypes, type Ikev2Choice } from './ikev2-decide.ts';
import type { Ikev2Identity, Ikev2Profile, Ikev2Proposal } from './ikev2-model.ts';
import type { Phase2Source } from './phase2-sources.ts';
import type { LineRef } from '../ike/line-ref.ts';

export interface Ikev2SaContext {
  A: Side;
  B: Side;
  sa: Phase2Source | null;
  aAddress: string | null;
  bAddress: string | null;
  add: AddFinding;
}

export interface Ikev2SaResult {
  fails: CheckMessage | null;
  choice: Ikev2Choice | null;
}

const identityText = (id: Ikev2Identity | null) => (id === null ? 'no identity' : id.kind === 'dn' ? 'its certificate DN' : `${id.kind} ${id.value}`);

function proposalText(p: Ikev2Proposal): string {
  return `${p.name}: ${p.encryption.value.join(' ')} / ${p.integrity.value.join(' ') || '-'} / group ${p.groups.value.join(' ')}`;
}

function proposalLines(side: Side, proposals: readonly Ikev2Proposal[]): LineRef[] {
  return proposals.flatMap((p) => (p.line === null ? [] : [...ref(side, p.line), ...ref(side, p.encryption.line), ...ref(side, p.integrity.line), ...ref(side, p.groups.line)]));
}

/** What a side that lacks a profile or key is told to add. */
function profileLines(side: Side, profile: Ikev2Profile | null): LineRef[] {
  return profile === null ? [] : [...ref(side, profile.line), ...profile.matches.flatMap((m) => ref(side, m.line))];
}

/** Checks the IKE SA between A (initiator) and B (responder), adding findings. */
export function checkIkev2Sa(ctx: Ikev2SaContext): Ikev2SaResult {
  const { A, B, sa, aAddress, bAddress, add } = ctx;
  // IKE_SA_INIT: the proposals.
  for (const side of [A, B]) {
    for (const p of side.cfg.ikev2.proposals.filter((x) => x.refused !== null && x.line !== null)) {
      add({ code: p.refused?.startsWith('incomplete') ? 'P1_POLICY_MISMATCH' : 'WEAK_CRYPTO', severity: 'warning', message: 'IKE_SA_INIT', lines: ref(side, p.line), summary: `${side.name}'s proposal ${p.name} is not offered on ${releaseNames[side.cfg.release]}: ${p.refused ?? ''}.`, fix: `Complete or strengthen proposal ${p.name} on ${side.name} (e.g. encryption aes-cbc-256, integrity sha256, group 14).` });
    }
    const named = new Set(side.cfg.ikev2.policies.flatMap((p) => p.proposals.map((x) => x.name)));
    for (const p of side.cfg.ikev2.proposals.filter((x) => x.line !== null && !named.has(x.name))) {
      add({ code: 'P1_POLICY_MISMATCH', severity: 'warning', message: 'IKE_SA_INIT', lines: ref(side, p.line), summary: `${side.name}'s proposal ${p.name} is named by no IKEv2 policy: IOS never offers it${side.cfg.ikev2.policies.some((x) => x.line === null) ? ' (the default policy offers the default proposal instead)' : ''}.`, fix: `On ${side.name}: crypto ikev2 policy NAME, proposal ${p.name}.` });
    }
  }
  const aPolicy = policyFor(A.cfg, aAddress);
  const bPolicy = policyFor(B.cfg, bAddress);
  const offered = proposalsOf(A.cfg, aPolicy);
  const own = proposalsOf(B.cfg, bPolicy);
  if (aPolicy === null || bPolicy === null) {
    const side = aPolicy === null ? A : B;
    const address = aPolicy === null ? aAddress : bAddress;
    add({
      code: 'P1_POLICY_MISMATCH',
      severity: 'error',
      message: 'IKE_SA_INIT',
      lines: side.cfg.ikev2.policies.flatMap((p) => [...ref(side, p.line), ...p.localAddresses.flatMap((a) => ref(side, a.line))]),
      summary: `No IKEv2 policy of ${side.name} applies to its address ${address ?? '(unknown)'}: every policy matches other local addresses, so ${side === A ? `${A.name} cannot build IKE_SA_INIT` : `${B.name} answers IKE_SA_INIT with NO_PROPOSAL_CHOSEN`}.`,
      fix: `On ${side.name}: 'match address local ${address ?? 'ADDRESS'}' in the policy, or a policy without it.`,
    });
    return { fails: 'IKE_SA_INIT', choice: null };
  }
  const choice = chooseProposal(offered, own);
  if (choice === null) {
    const types = unsharedTypes(offered, own);
    add({
      code: 'P1_POLICY_MISMATCH',
      severity: 'error',
      message: 'IKE_SA_INIT',
      lines: [...proposalLines(A, offered), ...ref(A, aPolicy.line), ...proposalLines(B, own), ...ref(B, bPolicy.line)],
      summary: `No proposal in common (${A.name} offers ${offered.map(proposalText).join('; ') || 'nothing'}, ${B.name} accepts ${own.map(proposalText).join('; ') || 'nothing'})${types.length > 0 ? `: no ${types.join(', ')} shared` : ''}. ${B.name} answers IKE_SA_INIT with NO_PROPOSAL_CHOSEN.`,
      fix: `Give both routers one proposal alike${offered[0] ? `, e.g. on ${B.name}: encryption ${offered[0].encryption.value[0] ?? ''}${offered[0].integrity.value[0] ? `, integrity ${offered[0].integrity.value[0]}` : ''}, group ${offered[0].groups.value[0] ?? ''}` : ''}, named by the policy in use.`,
    });
    return { fails: 'IKE_SA_INIT', choice: null };
  }
  const firstGroup = choice.offered.groups.value[0];
  if (firstGroup !== undefined && firstGroup !== choice.group) {
    add({ code: 'P1_POLICY_MISMATCH', severity: 'info', message: 'IKE_SA_INIT.response', lines: [...settingRef(A, choice.offered.groups, choice.offered.line), ...settingRef(B, choice.proposal.groups, choice.proposal.line)], summary: `${A.name} sends its key share for group ${firstGroup}, which ${B.name} does not accept: ${B.name} answers with INVALID_KE_PAYLOAD (group ${choice.group}) and ${A.name} sends IKE_SA_INIT again with group ${choice.group}.`, fix: `Put group ${choice.group} first on ${A.name} to save the round trip.` });
  }

  // IKE_AUTH: identities, profiles, methods, keys.
  const aProfile = initiatingProfile(A.cfg, sa);
  const aIdentity = localIdentityOf(aProfile, aAddress);
  const bProfile = aIdentity === null ? null : profileFor(B.cfg, aIdentity, bAddress);
  if (aProfile === null) {
    const name = sa?.policy?.ikev2Profile.value ?? null;
    add({ code: 'IDENTITY_MISMATCH', severity: 'error', message: 'IKE_AUTH', lines: sa?.policy ? settingRef(A, sa.policy.ikev2Profile, sa.header) : [], summary: name === null ? `${A.name} names no IKEv2 profile for ${B.name}: it has nothing to start IKE_AUTH with.` : `${A.name} names IKEv2 profile ${name}, which its config does not define.`, fix: `On ${A.name}: define crypto ikev2 profile ${name ?? 'NAME'} and name it with 'set ikev2-profile'.` });
    return { fails: 'IKE_AUTH', choice };
  }
  if (bProfile === null) {
    add({
      code: 'IDENTITY_MISMATCH',
      severity: 'error',
      message: 'IKE_AUTH',
      lines: [...settingRef(A, aProfile.localIdentity, aProfile.line), ...B.cfg.ikev2.profiles.flatMap((p) => profileLines(B, p))],
      summary: `No IKEv2 profile of ${B.name} matches ${A.name}'s identity (${identityText(aIdentity)}): ${B.name} answers IKE_AUTH with AUTHENTICATION_FAILED.`,
      fix: `On ${B.name}: 'match identity remote ${aIdentity?.kind ?? 'address'} ${aIdentity?.value ?? ''}' in its profile, or on ${A.name} 'identity local' as ${B.name} matches it.`,
    });
    return { fails: 'IKE_AUTH', choice };
  }
  const bIdentity = localIdentityOf(bProfile, bAddress);
  if (bIdentity !== null && profileFor(A.cfg, bIdentity, aAddress)?.name !== aProfile.name) {
    add({ code: 'IDENTITY_MISMATCH', severity: 'error', message: 'IKE_AUTH.response', lines: [...profileLines(A, aProfile), ...settingRef(B, bProfile.localIdentity, bProfile.line)], summary: `${A.name}'s profile ${aProfile.name} does not match ${B.name}'s identity (${identityText(bIdentity)}): ${A.name} refuses the IKE_AUTH response.`, fix: `On ${A.name}: 'match identity remote ${bIdentity.kind} ${bIdentity.value}' in profile ${aProfile.name}.` });
    return { fails: 'IKE_AUTH.response', choice };
  }
  const aAuth = authMethods(aProfile);
  const bAuth = authMethods(bProfile);
  for (const [from, to, fromAuth, toAuth, fromProfile, toProfile] of [
    [A, B, aAuth, bAuth, aProfile, bProfile],
    [B, A, bAuth, aAuth, bProfile, aProfile],
  ] as const) {
    if (fromAuth.local !== null && toAuth.remote.includes(fromAuth.local)) continue;
    add({ code: 'AUTH_METHOD_MISMATCH', severity: 'error', message: from === A ? 'IKE_AUTH' : 'IKE_AUTH.response', lines: [...settingRef(from, fromProfile.localAuth, fromProfile.line), ...settingRef(to, toProfile.remoteAuth, toProfile.line)], summary: `${from.name} authenticates with ${fromAuth.local ?? 'no method (no authentication local line)'}, ${to.name}'s profile ${toProfile.name} accepts ${toAuth.remote.join(', ') || 'nothing (no authentication remote line)'}.`, fix: `Make ${to.name}'s 'authentication remote' name ${from.name}'s 'authentication local' method.` });
    return { fails: from === A ? 'IKE_AUTH' : 'IKE_AUTH.response', choice };
  }
  if (aAuth.local === 'pre-share' || bAuth.local === 'pre-share') {
    const aKeys = keysFor(A.cfg, aProfile, { address: bAddress, identity: bIdentity });
    const bKeys = keysFor(B.cfg, bProfile, { address: aAddress, identity: aIdentity });
    for (const [side, keys, profile, peerName] of [
      [A, aKeys, aProfile, B.name],
      [B, bKeys, bProfile, A.name],
    ] as const) {
      if (keys.local !== null && keys.remote !== null) continue;
      add({ code: 'NO_PSK', severity: 'error', message: side === A ? 'IKE_AUTH' : 'IKE_AUTH.response', lines: [...settingRef(side, profile.keyring, profile.line)], summary: `${side.name} has no pre-shared key for ${peerName} in profile ${profile.name}${profile.keyring.value ? ` (keyring ${profile.keyring.value.name})` : ' (no keyring local)'}.`, fix: `On ${side.name}: a keyring peer with 'address' of ${peerName} and 'pre-shared-key', named by 'keyring local' in profile ${profile.name}.` });
      return { fails: 'IKE_AUTH', choice };
    }
    const keyLines = (side: Side, key: { line: number } | null) => ref(side, key?.line);
    if (aKeys.local?.key !== bKeys.remote?.key) {
      add({ code: 'PSK_MISMATCH', severity: 'error', message: 'IKE_AUTH', lines: [...keyLines(A, aKeys.local), ...keyLines(B, bKeys.remote)], summary: `${A.name} signs its AUTH with a key ${B.name} does not hold for it: ${B.name} answers IKE_AUTH with AUTHENTICATION_FAILED.`, fix: `The same pre-shared key on ${A.name} (local) and ${B.name} (remote, for ${A.name}).` });
      return { fails: 'IKE_AUTH', choice };
    }
    if (bKeys.local?.key !== aKeys.remote?.key) {
      add({ code: 'PSK_MISMATCH', severity: 'error', message: 'IKE_AUTH.response', lines: [...keyLines(B, bKeys.local), ...keyLines(A, aKeys.remote)], summary: `${B.name} signs its AUTH with a key ${A.name} does not hold for it: ${A.name} cannot verify the IKE_AUTH response and deletes the IKE SA.`, fix: `The same pre-shared key on ${B.name} (local) and ${A.name} (remote, for ${B.name}).` });
      return { fails: 'IKE_AUTH.response', choice };
    }
  }
  if (!aProfile.lifetimeSeconds.isDefault || !bProfile.lifetimeSeconds.isDefault) {
    const [al, bl] = [aProfile.lifetimeSeconds.value, bProfile.lifetimeSeconds.value];
    if (al !== bl) add({ code: 'LIFETIME_ADJUSTED', severity: 'info', message: null, lines: [...settingRef(A, aProfile.lifetimeSeconds, aProfile.line), ...settingRef(B, bProfile.lifetimeSeconds, bProfile.line)], summary: `IKEv2 SA lifetimes differ (${al} s vs ${bl} s): IKEv2 does not negotiate them, each side rekeys at its own (the shorter, ${Math.min(al, bl)} s, first).`, fix: 'Nothing to fix; align the lifetimes to avoid surprises.' });
  }
  return { fails: null, choice };
}
