import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from './analyze.ts';

const read = (path: string) => readFileSync(path, 'utf8');
const analysis = analyze([{ name: 'seed', text: read('fixtures/seed/ios-ikev1-main-mode-debugs.txt') }], {
  configs: [
    { name: 'R2.cfg', text: read('fixtures/configs/seed-R2.config.txt') },
    { name: 'R3.cfg', text: read('fixtures/configs/seed-R3.config.txt') },
  ],
});
const negotiation = analysis.negotiations[0]!;
const message = (name: string) => [...negotiation.phase1.messages, ...negotiation.phase2.flatMap((p) => p.messages)].find((m) => m.name === name)!;
const texts = (file: number) => read(file === 1 ? 'fixtures/configs/seed-R2.config.txt' : 'fixtures/configs/seed-R3.config.txt').split('\n');
const linesOf = (refs: readonly { file: number; line: number }[] | undefined) =>
  (refs ?? []).map((r) => `${r.file === 1 ? 'R2' : 'R3'}: ${texts(r.file)[r.line - 1]?.trim()}`);

describe('config lines of each message and attribute (the seed with both configs)', () => {
  test('MM1 depends on the isakmp policy and the key, on both routers', () => {
    expect(linesOf(message('MM1').config)).toEqual(
      expect.arrayContaining(['R2: crypto isakmp policy 10', 'R2: authentication pre-share', 'R3: crypto isakmp policy 10', 'R3: crypto isakmp key cisco address ipv6 ::/0']),
    );
  });

  test('an attribute an unsaid default decides points at the implicit line, one that is set at its own line', () => {
    const mm1 = message('MM1');
    // `encryption des` is IOS's default in policy 10 (line 1): no line sets it, not even the policy's header.
    expect(mm1.configByAttribute?.encryption).toEqual([]);
    expect(mm1.configDefaultsByAttribute?.encryption).toEqual([
      { file: 1, block: 1 },
      { file: 2, block: 1 },
    ]);
    const implicit = analysis.configDefaults[0]!.implicit.find((l) => l.attribute === 'encryption')!;
    expect([implicit.block, implicit.text.trim()]).toEqual([1, 'encryption des']);
    // `authentication pre-share` is said: that line decides, and no default does.
    expect(linesOf(mm1.configByAttribute?.auth)).toEqual(['R2: authentication pre-share', 'R3: authentication pre-share']);
    expect(mm1.configDefaultsByAttribute?.auth).toBeUndefined();
  });

  test('QM1 transform comes from the transform set, its encapsulation from the tunnel mode', () => {
    const qm1 = message('QM1');
    expect(linesOf(qm1.configByAttribute?.transform)).toEqual(
      expect.arrayContaining(['R2: crypto ipsec transform-set TRA esp-aes esp-sha-hmac', 'R3: crypto ipsec transform-set TRA esp-aes esp-sha-hmac']),
    );
    expect(linesOf(qm1.configByAttribute?.encapsulation)).toEqual(expect.arrayContaining(['R2: tunnel mode ipsec ipv6']));
    expect(linesOf(qm1.configByAttribute?.transform)).not.toEqual(expect.arrayContaining(['R2: crypto isakmp policy 10']));
  });

  test('each config gets its implicit defaults', () => {
    expect(analysis.configDefaults.map((d) => d.file)).toEqual([1, 2]);
    expect(analysis.configDefaults[0]!.implicit.map((l) => l.text.trim())).toEqual(expect.arrayContaining(['encryption des', 'group 1']));
    // Placed after the last line of their block: policy 10 ends at `authentication pre-share`.
    const encryption = analysis.configDefaults[0]!.implicit.find((l) => l.text.trim() === 'encryption des')!;
    expect(texts(1)[encryption.after - 1]).toBe('authentication pre-share');
  });
});

describe('config lines of IKEv2 messages', () => {
  // Corpus 11's router (IOS-XE, IKE_AUTH answered with NO_PROPOSAL_CHOSEN) with a FlexVPN config of another lab:
  // its config was not published, and one config given beside a one-sided log is that router's.
  const log = read('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log');
  const cfgText = read('fixtures/configs/ikev2/gre-r15-otus.cfg');
  const v2 = analyze([{ name: '11.log', text: log }], { configs: [{ name: 'R15.cfg', text: cfgText }] });
  const sa = v2.negotiations.find((n) => n.ikeVersion === 2)?.ikeSa;
  const cfgLine = (r: { line: number }) => cfgText.split('\n')[r.line - 1]?.trim();
  test('IKE_SA_INIT depends on the policy and its proposal, IKE_AUTH on the profile, its keyring and the IPsec profile', () => {
    const init = sa?.messages.find((m) => m.name === 'IKE_SA_INIT' && !m.response);
    const auth = sa?.messages.find((m) => m.name === 'IKE_AUTH' && !m.response);
    expect(init?.config?.map(cfgLine)).toEqual(['crypto ikev2 proposal IKEv2-GRE', 'encryption aes-cbc-256', 'integrity sha256', 'group 21', 'crypto ikev2 policy IKEv2-POLICY', 'proposal IKEv2-GRE']);
    expect(auth?.configByAttribute?.auth?.map(cfgLine)).toEqual(['authentication remote pre-share', 'authentication local pre-share']);
    expect(auth?.config?.map(cfgLine)).toEqual(expect.arrayContaining(['keyring local IKEv2-PSK', 'set ikev2-profile IKEv2-PROFILE', 'tunnel protection ipsec profile IPSEC-PROFILE']));
    // the PRF no line sets is decided by the proposal's implicit line
    expect(init?.configDefaultsByAttribute?.hash).toEqual([{ file: 1, block: 1 }]);
  });

  test("a finding points at the lines that decide it in the one config given: the refused child SA at the router's transform set", () => {
    const refused = v2.negotiations.find((n) => n.ikeVersion === 2)?.findings.find((f) => f.code === 'P2_TRANSFORM_MISMATCH');
    expect(refused?.configLines?.map(cfgLine)).toEqual([
      'crypto ipsec transform-set IPSEC-TRANSFORM esp-aes 256 esp-sha256-hmac',
      'mode transport',
      'crypto ipsec profile IPSEC-PROFILE',
      'set transform-set IPSEC-TRANSFORM',
      'interface Tunnel100',
      'tunnel protection ipsec profile IPSEC-PROFILE',
    ]);
  });
});
