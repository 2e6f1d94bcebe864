/**
 * The responder's decisions, table-driven: phase 1 policy matching in IOS order, and the Quick Mode
 * checks (proxies, transform set and mode, PFS), on offers built from real config text.
 */
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from '../config/effective.ts';
import { choosePhase1, choosePhase2, type Phase1Mismatch, type Phase2Refusal } from './decide.ts';
import { phase1Proposals, phase2Offer, presharedKey, type Phase1Proposal } from './offers.ts';

const base: Phase1Proposal = { priority: 10, encryption: 'aes', keyLength: 256, hash: 'sha256', auth: 'pre-share', group: 14, lifetimeSeconds: 86400, line: 1 };
const p = (over: Partial<Phase1Proposal>): Phase1Proposal => ({ ...base, ...over });

describe('choosePhase1', () => {
  const cases: { name: string; offered: Phase1Proposal[]; local: Phase1Proposal[]; hasKey?: boolean; chosen: [number, number] | null; mismatches: (Phase1Mismatch | null)[]; life?: number }[] = [
    { name: 'identical policies', offered: [base], local: [base], chosen: [1, 10], mismatches: [null] },
    { name: 'encryption differs', offered: [p({ encryption: '3des', keyLength: null })], local: [base], chosen: null, mismatches: ['encryption'] },
    { name: 'AES key length differs', offered: [base], local: [p({ keyLength: 128 })], chosen: null, mismatches: ['keyLength'] },
    { name: 'hash differs', offered: [p({ hash: 'sha' })], local: [base], chosen: null, mismatches: ['hash'] },
    { name: 'DH group differs', offered: [p({ group: 2 })], local: [base], chosen: null, mismatches: ['group'] },
    { name: 'pre-share without a key for the peer', offered: [base], local: [base], hasKey: false, chosen: null, mismatches: ['auth'] },
    {
      name: 'local policies in priority order, each against every offer',
      offered: [p({ group: 5 }), base],
      local: [p({ priority: 5, hash: 'sha' }), p({ priority: 20 })],
      chosen: [2, 20],
      mismatches: ['hash', 'hash', 'group', null],
    },
    { name: 'lifetimes need not match: the lower one is used', offered: [p({ lifetimeSeconds: 1200 })], local: [p({ lifetimeSeconds: 600 })], chosen: [1, 10], mismatches: [null], life: 600 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const choice = choosePhase1(c.offered, c.local, c.hasKey ?? true);
      expect(choice.checks.map((k) => k.mismatch)).toEqual(c.mismatches);
      expect(choice.chosen === null ? null : [choice.chosen.transform, choice.chosen.local.priority]).toEqual(c.chosen);
      if (c.life !== undefined) expect(choice.lifetimeSeconds).toBe(c.life);
    });
  }
});

/** A crypto map router; the knobs are what a case changes. */
function router(o: { peer: string; local: string; remote: string; transforms?: string; mode?: string; pfs?: number }): string {
  return `crypto isakmp policy 10
 encryption aes 256
 authentication pre-share
 group 14
crypto isakmp key k address ${o.peer}
crypto ipsec transform-set T ${o.transforms ?? 'esp-aes 256 esp-sha-hmac'}
 mode ${o.mode ?? 'tunnel'}
ip access-list extended VPN
 permit ip ${o.local} ${o.remote}
crypto map M 10 ipsec-isakmp
 set peer ${o.peer}
 set transform-set T
${o.pfs === undefined ? '' : ` set pfs group${o.pfs}\n`} match address VPN
interface Gi1
 ip address 192.0.2.${o.peer === '192.0.2.2' ? 1 : 2} 255.255.255.0
 crypto map M
`;
}

const A = { peer: '192.0.2.2', local: '10.1.0.0 0.0.0.255', remote: '10.2.0.0 0.0.0.255' };
const B = { peer: '192.0.2.1', local: '10.2.0.0 0.0.0.255', remote: '10.1.0.0 0.0.0.255' };

describe('choosePhase2', () => {
  const cases: { name: string; a?: Partial<typeof A> & { transforms?: string; mode?: string; pfs?: number }; b?: Partial<typeof B> & { transforms?: string; mode?: string; pfs?: number }; refusal: Phase2Refusal | null }[] = [
    { name: 'mirror ACLs, same transform set', refusal: null },
    { name: 'transforms in another order are the same set', b: { transforms: 'esp-sha-hmac esp-aes 256' }, refusal: null },
    { name: 'a different transform set', b: { transforms: 'esp-aes esp-sha-hmac' }, refusal: 'transform' },
    { name: 'tunnel offered, transport configured', b: { mode: 'transport' }, refusal: 'transform' },
    { name: 'ACLs not mirror images', b: { remote: '10.9.0.0 0.0.0.255' }, refusal: 'proxy' },
    { name: "the responder's ACL covers a wider range", b: { local: '10.2.0.0 0.0.255.255', remote: '10.0.0.0 0.255.255.255' }, refusal: null },
    { name: 'PFS on the responder only', b: { pfs: 14 }, refusal: 'pfs' },
    { name: 'PFS groups differ', a: { pfs: 5 }, b: { pfs: 14 }, refusal: 'pfs' },
    { name: 'PFS on the initiator only: the responder accepts its group', a: { pfs: 14 }, refusal: null },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = effectiveConfigFromText(router({ ...A, ...c.a }));
      const b = effectiveConfigFromText(router({ ...B, ...c.b }));
      const offer = phase2Offer(a, '192.0.2.2');
      expect(offer).not.toBeNull();
      if (!offer) return;
      const choice = choosePhase2(offer, phase2Offer(b, '192.0.2.1'));
      expect(choice.refusal).toBe(c.refusal);
      expect(choice.accepted === null).toBe(c.refusal !== null);
    });
  }

  test('a responder with no phase 2 policy', () => {
    const offer = phase2Offer(effectiveConfigFromText(router(A)), '192.0.2.2');
    expect(offer && choosePhase2(offer, null).refusal).toBe('no-policy');
  });
});

describe('offers read from configs', () => {
  test('the most specific pre-shared key wins', () => {
    const cfg = effectiveConfigFromText('crypto isakmp key wide address 0.0.0.0 0.0.0.0\ncrypto isakmp key narrow address 192.0.2.2\n');
    expect(presharedKey(cfg, '192.0.2.2')?.key).toBe('narrow');
    expect(presharedKey(cfg, '198.51.100.9')?.key).toBe('wide');
    expect(presharedKey(effectiveConfigFromText('crypto isakmp key k address 10.0.0.1\n'), '192.0.2.2')).toBeNull();
  });

  test('a VTI proposes any/any proxies in tunnel mode, whatever the transform set says', () => {
    const vti = `crypto isakmp policy 10
 authentication pre-share
crypto isakmp key cisco address ipv6 ::/0
crypto ipsec transform-set TRA esp-aes esp-sha-hmac
 mode transport
crypto ipsec profile PRO
 set transform-set TRA
interface Tunnel23
 tunnel mode ipsec ipv6
 tunnel destination 2001:DB8::3
 tunnel protection ipsec profile PRO
`;
    const offer = phase2Offer(effectiveConfigFromText(vti), '2001:DB8::3');
    expect(offer).toMatchObject({ localProxy: null, remoteProxy: null, pfsGroup: null, transformSets: [{ name: 'TRA', mode: 'tunnel' }] });
  });

  test('IOS defaults fill an empty policy', () => {
    expect(phase1Proposals(effectiveConfigFromText('crypto isakmp policy 10\n authentication pre-share\n'))).toEqual([
      { priority: 10, encryption: 'des', keyLength: null, hash: 'sha', auth: 'pre-share', group: 1, lifetimeSeconds: 86400, line: 1 },
    ]);
  });
});
