/**
 * How IOS's IKEv2 debug prints a configured proposal's algorithms and an identity: `IKE Proposal: 1, …` lists
 * AES-CBC without its key size, PRFs by hash name, integrity as SHA96 / MD596 for the HMAC-96 forms, groups as
 * `DH_GROUP_1536_MODP/Group 5` (corpus 11, 24); the ASA's `Received Policies:` keeps the key size (`AES-CBC-128`,
 * corpus 31). Key words are those of `crypto ikev2 proposal` (config/ikev2-model.ts).
 */
import { parseIp } from '../../config/address.ts';
import type { Ikev2Identity, Ikev2Proposal } from '../../config/ikev2-model.ts';
import { lookupTable } from '../../ike/lookup-table.ts';

const GROUPS = lookupTable({
  1: 'DH_GROUP_768_MODP/Group 1',
  2: 'DH_GROUP_1024_MODP/Group 2',
  5: 'DH_GROUP_1536_MODP/Group 5',
  14: 'DH_GROUP_2048_MODP/Group 14',
  15: 'DH_GROUP_3072_MODP/Group 15',
  16: 'DH_GROUP_4096_MODP/Group 16',
  19: 'DH_GROUP_256_ECP/Group 19',
  20: 'DH_GROUP_384_ECP/Group 20',
  21: 'DH_GROUP_521_ECP/Group 21',
});

export function groupWords(group: number): string {
  return GROUPS[String(group)] ?? `DH_GROUP_${group}/Group ${group}`;
}

/** `aes-cbc-256` → `AES-CBC` (the proposal line) or `AES-CBC-256` (the policies line). */
export function encryptionWords(keyword: string, withSize: boolean): string {
  const upper = keyword.toUpperCase();
  if (upper === '3DES') return '3DES';
  return withSize ? upper : upper.replace(/-\d{3}$/, '');
}

const INTEGRITY = lookupTable({ sha1: 'SHA96', md5: 'MD596' });

export function integrityWords(keyword: string): string {
  return INTEGRITY[keyword] ?? keyword.toUpperCase();
}

/** The transforms of `IKE Proposal: n` in IOS's order: encryption, PRF, integrity, groups. */
export function proposalTransforms(p: Ikev2Proposal): string[] {
  return [
    ...p.encryption.value.map((e) => encryptionWords(e, false)),
    ...p.prf.value.map((x) => x.toUpperCase()),
    ...p.integrity.value.map(integrityWords),
    ...p.groups.value.map(groupWords),
  ];
}

/** One proposal as the `Received Policies:` / `Expected Policies:` lines print it. */
export function policyWords(p: Ikev2Proposal): string {
  return [...p.encryption.value.map((e) => encryptionWords(e, true)), ...p.prf.value.map((x) => x.toUpperCase()), ...p.integrity.value.map((x) => x.toUpperCase()), ...p.groups.value.map(groupWords)].join(' ');
}

/** An identity's type as `Constructing IDi payload: '…' of type '…'` prints it. */
export function identityType(id: Ikev2Identity): string {
  switch (id.kind) {
    case 'address':
      return parseIp(id.value)?.family === 6 ? 'IPv6 address' : 'IPv4 address';
    case 'fqdn':
      return 'FQDN';
    case 'email':
      return 'email';
    case 'key-id':
      return 'key ID';
    case 'dn':
      return 'DER ASN1 DN';
    default:
      return id.kind satisfies never;
  }
}

/** The child SA's transforms as `ESP Proposal: 1, …` lists them (`AES-CBC   SHA96   Don't use ESN`, corpus 11). */
export function espTransforms(transforms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of transforms) {
    const name = t.split(' ')[0];
    if (name === 'esp-aes' || name === 'esp-gcm') out.push(name === 'esp-gcm' ? 'AES-GCM' : 'AES-CBC');
    else if (name === 'esp-3des') out.push('3DES');
    else if (name === 'esp-sha-hmac') out.push('SHA96');
    else if (name === 'esp-sha256-hmac') out.push('SHA256');
    else if (name === 'esp-sha384-hmac') out.push('SHA384');
    else if (name === 'esp-sha512-hmac') out.push('SHA512');
    else if (name === 'esp-md5-hmac') out.push('MD596');
    else out.push((name ?? t).toUpperCase());
  }
  return [...out, "Don't use ESN"];
}
