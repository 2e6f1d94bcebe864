/**
 * IOS's IKEv2 smart defaults a config leaves unsaid, as the lines `show run all` would show for them: a
 * proposal's PRF taken from its integrity, a profile's lifetime and identity, DPD off, and the default policy and
 * proposal when no policy is configured (IOS then offers the default proposal; a configured proposal that no
 * policy names is never offered).
 */
import type { Ikev2Config, Ikev2Proposal } from './ikev2-model.ts';
import type { ImplicitLine } from './implicit-line.ts';

type EndOf = (header: number) => number;

function proposalLines(p: Ikev2Proposal): string[] {
  return [
    `crypto ikev2 proposal ${p.name}`,
    ` encryption ${p.encryption.value.join(' ')}`,
    ` integrity ${p.integrity.value.join(' ')}`,
    ` prf ${p.prf.value.join(' ')}`,
    ` group ${p.groups.value.join(' ')}`,
  ];
}

export function ikev2ImplicitDefaults(ikev2: Ikev2Config, usesIkev2: boolean, endOf: EndOf): ImplicitLine[] {
  if (!ikev2.configured && !usesIkev2) return [];
  const lines: ImplicitLine[] = [];
  const named = new Set(ikev2.policies.flatMap((p) => p.proposals.map((x) => x.name)));
  for (const p of ikev2.proposals) {
    if (p.line === null) continue;
    const after = endOf(p.line);
    if (p.prf.isDefault && p.prf.value.length > 0) {
      lines.push({ after, block: p.line, attribute: 'hash', text: ` prf ${p.prf.value.join(' ')}`, why: 'IOS uses the integrity algorithms as PRF when none is configured' });
    }
    if (!named.has(p.name)) {
      lines.push({ after, block: p.line, attribute: 'encryption', text: ' ! no crypto ikev2 policy names this proposal: never offered', why: 'a configured proposal is used only through a policy that names it' });
    }
  }
  const defaultPolicy = ikev2.policies.find((p) => p.line === null);
  const defaultProposal = ikev2.proposals.find((p) => p.line === null);
  if (defaultPolicy && defaultProposal) {
    const router = (attribute: ImplicitLine['attribute'], text: string, why: string): ImplicitLine => ({ after: 0, block: 0, attribute, text, why });
    lines.push(router('encryption', 'crypto ikev2 policy default', 'smart default: the IKEv2 policy used when none is configured'));
    lines.push(router('encryption', ' match address local any', 'the default policy applies to every local address'));
    lines.push(router('encryption', ' proposal default', 'the default policy offers the default proposal'));
    const [header, encryption, integrity, prf, group] = proposalLines(defaultProposal);
    lines.push(router('encryption', header ?? '', "smart default: the IKEv2 proposal of this release's default policy"));
    lines.push(router('encryption', encryption ?? '', 'default proposal: encryption'));
    lines.push(router('hash', integrity ?? '', 'default proposal: integrity'));
    lines.push(router('hash', prf ?? '', 'default proposal: PRF'));
    lines.push(router('group', group ?? '', 'default proposal: Diffie-Hellman groups'));
  }
  for (const p of ikev2.profiles) {
    const after = endOf(p.line);
    if (p.localIdentity.isDefault) lines.push({ after, block: p.line, attribute: 'identity', text: ' identity local address', why: 'default local identity: the address IKE runs from' });
    if (p.lifetimeSeconds.isDefault) lines.push({ after, block: p.line, attribute: 'lifetime', text: ` lifetime ${p.lifetimeSeconds.value}`, why: 'default IKEv2 SA lifetime (seconds)' });
    if (p.dpd.isDefault) lines.push({ after, block: p.line, attribute: 'keepalive', text: ' ! no dpd: no liveness check', why: 'DPD is off unless dpd is configured in the profile' });
  }
  return lines;
}
