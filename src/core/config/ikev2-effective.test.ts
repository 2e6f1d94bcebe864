import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfig, effectiveConfigFromText } from './effective.ts';
import { implicitDefaults } from './implicit-defaults.ts';
import type { Ikev2Config } from './ikev2-model.ts';
import { parseConfig } from './parse.ts';
import { phase2Sources } from './phase2-sources.ts';
import { ikev2Line } from './ikev2-decide.ts';

const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
const at = <T>(s: { value: T; line: number | null; isDefault: boolean }) => `${JSON.stringify(s.value)}@${s.isDefault ? 'default' : s.line}`;

/** Each IKEv2 section as a reader checks it against the config: values with the line that set them. */
function summary(ikev2: Ikev2Config) {
  return {
    proposals: ikev2.proposals.map((p) => `${p.name}@${p.line ?? 'default'} ${at(p.encryption)} ${at(p.integrity)} ${at(p.prf)} ${at(p.groups)}`),
    policies: ikev2.policies.map((p) => `${p.name}@${p.line ?? 'default'} ${p.proposals.map((x) => `${x.name}@${x.line ?? 'default'}`).join(',')} local=${p.localAddresses.map((a) => a.address).join(',')}`),
    peers: ikev2.keyrings.flatMap((k) => k.peers.map((p) => `${k.name}/${p.name}@${p.line} address@${p.address?.line ?? '-'} local=${p.localKey?.key ?? '-'}@${p.localKey?.line ?? '-'} remote=${p.remoteKey?.key ?? '-'}@${p.remoteKey?.line ?? '-'}`)),
    profiles: ikev2.profiles.map((p) => `${p.name}@${p.line} match=${p.matches.map((m) => `${m.kind}:${m.value}@${m.line}`).join(',')} auth=${at(p.localAuth)}/${at(p.remoteAuth)} keyring=${at(p.keyring)} life=${at(p.lifetimeSeconds)} dpd=${at(p.dpd)} id=${at(p.localIdentity)}`),
  };
}

/** Lines of `crypto ikev2` sections (and their sub-commands) the parser did not read. */
const unread = (text: string) => parseConfig(text).lines.filter((l) => l.kind === 'unrecognized').map((l) => l.command.trim());

describe('IKEv2 sections of real FlexVPN configs', () => {
  test('a GRE over IPsec lab (R15): proposal, policy, keyring peer, profile, IPsec profile', () => {
    const cfg = effectiveConfigFromText(read('gre-r15-otus.cfg'));
    expect(summary(cfg.ikev2)).toEqual({
      proposals: [
        'IKEv2-GRE@1 ["aes-cbc-256"]@2 ["sha256"]@3 ["sha256"]@default [21]@4',
        // the smart default proposal stays defined, though no configured policy names it
        'default@default ["aes-cbc-256","aes-cbc-192","aes-cbc-128"]@default ["sha512","sha384","sha256","sha1","md5"]@default ["sha512","sha384","sha256","sha1","md5"]@default [5,2]@default',
      ],
      policies: ['IKEv2-POLICY@6 IKEv2-GRE@7 local='],
      peers: ['IKEv2-PSK/SPB@10 address@11 local=OTUS@12 remote=OTUS@12'],
      profiles: ['IKEv2-PROFILE@14 match=address:185.82.208.1@15 auth="pre-share"@17/["pre-share"]@16 keyring={"kind":"local","name":"IKEv2-PSK"}@18 life=86400@default dpd=null@default id=null@default'],
    });
    expect(cfg.ipsecProfiles.map((p) => `${p.name} ${at(p.ikev2Profile)}`)).toEqual(['IPSEC-PROFILE "IKEv2-PROFILE"@25']);
    expect(unread(read('gre-r15-otus.cfg'))).toEqual(['ip mtu 1400', 'ip tcp adjust-mss 1360', 'ip route 10.8.0.0 255.255.0.0 172.20.0.2']);
  });

  test('an indented paste with exit lines (C8000v to Azure): the peer block nests in its keyring, dpd and lifetime read', () => {
    const text = read('c8k-azure-indented-exit.cfg');
    const s = summary(effectiveConfigFromText(text).ikev2);
    expect(s.policies).toEqual(['to-onprem-policy@15 to-onprem-proposal@16 local=10.1.0.4']);
    expect(s.peers).toEqual(['to-onprem-keyring/"Azure-VNGpubip"@21 address@- local=Msft123Msft123@23 remote=Msft123Msft123@23']);
    expect(s.profiles).toEqual([
      'to-onprem-profile@27 match= auth="pre-share"@31/["pre-share"]@30 keyring={"kind":"local","name":"to-onprem-keyring"}@34 life=3600@32 dpd={"intervalSeconds":10,"retrySeconds":5,"mode":"on-demand"}@33 id=null@default',
    ]);
    // The author's placeholders for the Azure gateway's address are not addresses: those two lines stay unread.
    expect(unread(text)).toEqual(['ip route 10.1.10.0 255.255.255.0 10.1.1.1', 'no shut', 'address "Azure-VNGpubip"', 'match identity remote address "Azure-VNGpubip" 255.255.255.255']);
  });

  test('separate local and remote keys, identity local address (a CE router to Azure)', () => {
    const s = summary(effectiveConfigFromText(read('azure-ce-local-remote-keys.cfg')).ikev2);
    expect(s.peers).toEqual(['Cust30-azure-keyring/azure@11 address@12 local=IamSecure123@13 remote=IamSecure123@14']);
    expect(s.profiles[0]).toContain('id={"kind":"address","value":"66.198.12.106"}@18');
    expect(s.proposals[0]).toBe('Cust30-azure-proposal@1 ["aes-cbc-256","aes-cbc-128","3des"]@2 ["sha1"]@3 ["sha1"]@default [2]@4');
  });

  test('a crypto map entry with set ikev2-profile', () => {
    const cfg = effectiveConfigFromText(read('crypto-map-ikev2-profile-notes.cfg'));
    expect(cfg.cryptoMaps.map((m) => `${m.map} ${m.seq} ${at(m.ikev2Profile)}`)).toEqual(['IPSEC-MAP 10 "IKEv2-PROF"@26']);
    expect(summary(cfg.ikev2).profiles[0]).toContain('match=address:203.0.113.1@15');
  });
});

describe('smart defaults', () => {
  // Hand-written configs: each the smallest one that shows one default rule.
  test('no policy configured: the default policy offers the default proposal, a configured proposal no policy names is not offered', () => {
    const text = 'crypto ikev2 proposal P1\n encryption aes-cbc-128\n integrity sha256\n group 14\n';
    const cfg = effectiveConfigFromText(text);
    expect(summary(cfg.ikev2).policies).toEqual(['default@default default@default local=']);
    const implicit = implicitDefaults(cfg, parseConfig(text)).map((l) => `${l.after}:${l.text}`);
    expect(implicit).toContain('4: ! no crypto ikev2 policy names this proposal: never offered');
    expect(implicit).toContain('0:crypto ikev2 policy default');
    expect(implicit).toContain('0: encryption aes-cbc-256 aes-cbc-192 aes-cbc-128');
    expect(implicit).toContain('4: prf sha256');
    // IKEv2 only: no IKEv1 identity default to show
    expect(implicit.some((l) => l.includes('isakmp identity'))).toBe(false);
  });

  test('the default proposal by release, and a typed `crypto ikev2 proposal default` replacing it', () => {
    const text = 'crypto ikev2 profile P\n match identity remote any\n';
    const newer = effectiveConfig(parseConfig(text), { release: 'iosxe-17.11' }).ikev2.proposals;
    expect(newer.map((p) => `${p.name} ${p.encryption.value.join(' ')} ${p.groups.value.join(' ')}`)).toEqual(['default aes-cbc-256 19 14 21 5']);
    expect(newer[0]?.refused).toBeNull();
    const typed = effectiveConfigFromText('crypto ikev2 proposal default\n encryption aes-gcm-256\n prf sha384\n group 20\n').ikev2.proposals;
    expect(typed.map((p) => `${p.name}@${p.line} ${p.encryption.value.join(' ')} ${p.refused}`)).toEqual(['default@1 aes-gcm-256 null']);
  });

  test('an incomplete proposal and weak algorithms on 17.11 are refused with the reason', () => {
    const cfg = effectiveConfig(parseConfig('crypto ikev2 proposal A\n encryption aes-cbc-256\n group 14\ncrypto ikev2 proposal B\n encryption 3des\n integrity md5\n group 2\n'), { release: 'iosxe-17.11' });
    expect(cfg.ikev2.proposals.map((p) => p.refused)).toEqual([
      'incomplete: no integrity (IOS marks the proposal incomplete and never offers it)',
      "3des, md5, group2 refused by IOS-XE 17.11+ unless 'crypto engine compliance shield disable'",
      null,
    ]);
  });
});

describe('how the sections are typed', () => {
  test('unindented: a second peer after the first one stays in the same keyring', () => {
    // Hand-written in the unindented form the seed document's configs use (no published FlexVPN config in that form was found).
    const text = 'crypto ikev2 keyring KR\npeer R2\naddress 10.0.0.2\npre-shared-key local k2l\npre-shared-key remote k2r\npeer R3\naddress 10.0.0.3\npre-shared-key k3\ncrypto ikev2 profile PR\nmatch identity remote fqdn domain example.com\nidentity local fqdn r1.example.com\nauthentication local pre-share key inline1\nauthentication remote pre-share\nkeyring local KR\n';
    const cfg = effectiveConfigFromText(text);
    expect(summary(cfg.ikev2).peers).toEqual(['KR/R2@2 address@3 local=k2l@4 remote=k2r@5', 'KR/R3@6 address@7 local=k3@8 remote=k3@8']);
    const profile = cfg.ikev2.profiles[0];
    expect(profile?.matches.map((m) => `${m.kind}:${m.value}:${m.domain}`)).toEqual(['fqdn:example.com:true']);
    expect(profile?.inlineKeys).toEqual([{ side: 'local', key: 'inline1', line: 12 }]);
    expect(unread(text)).toEqual([]);
  });

  test('typed at the prompt: each sub-mode by its prompt', () => {
    // The prompts are those of a CLI drill on GitHub (stored file id 5894086916); the lines after them are hand-written.
    const text = [
      'R1(config)#crypto ikev2 keyring ciscokr',
      'R1(config-ikev2-keyring)#peer tunnel42',
      'R1(config-ikev2-keyring-peer)#address 0.0.0.0 0.0.0.0',
      'R1(config-ikev2-keyring-peer)#pre-shared-key cisco123',
      'R1(config-ikev2-keyring-peer)#peer other',
      'R1(config-ikev2-keyring-peer)#hostname other.example.com',
    ].join('\n');
    const cfg = effectiveConfigFromText(text);
    expect(summary(cfg.ikev2).peers).toEqual(['ciscokr/tunnel42@2 address@3 local=cisco123@4 remote=cisco123@4', 'ciscokr/other@5 address@- local=-@- remote=-@-']);
    expect(cfg.ikev2.keyrings[0]?.peers[1]?.hostname?.name).toBe('other.example.com');
  });

  test('a typo in a proposal keyword is not read, the rest of the section is', () => {
    const text = 'crypto ikev2 proposal P\n encryption aes-cbc-265\n integrity sha256\n group 14\n';
    expect(unread(text)).toEqual(['encryption aes-cbc-265']);
    expect(effectiveConfigFromText(text).ikev2.proposals[0]?.refused).toBe('incomplete: no encryption (IOS marks the proposal incomplete and never offers it)');
  });
});

describe('a FlexVPN hub and spoke (corpus 25)', () => {
  const text = readFileSync(new URL('../../../fixtures/corpus/25-flexvpn-hub-psk-lookup-by-fqdn-ike-identity-responder-iosxe.config.txt', import.meta.url), 'utf8');
  test('` !` between two peers ends the first peer, not the keyring; the hub profile matches a domain and clones a virtual template', () => {
    const cfg = effectiveConfigFromText(text);
    // the paste holds the hub's and a spoke's blocks one after the other: the later sections of the same name are merged in
    expect(cfg.ikev2.keyrings[0]?.peers.map((p) => `${p.name} ${p.identity?.identity.kind ?? '-'}:${p.identity?.identity.value ?? '-'} ${p.localKey?.key ?? '-'}`)).toEqual([
      'SPOKE1 fqdn:SPOKE1.LAB.LOCAL Cisco1234',
      'SPOKE2 fqdn:SPOKE2.LAB.LOCAL Cisco5678',
      'HUB -:- Cisco1234',
    ]);
    const hub = cfg.ikev2.profiles[0];
    expect(hub?.matches.map((m) => `${m.kind}:${m.value}:${m.domain}@${m.line}`)).toEqual(['fqdn:LAB.LOCAL:true@13', 'fqdn:LAB.LOCAL:true@27']);
    expect(hub?.virtualTemplate).toEqual({ number: 1, line: 18 });
    // only the author's label line stays unread
    expect(unread(text)).toEqual(['R1 SPOKE']);
  });
});

describe('a FlexVPN client template (IoT gateway): authorization policy, dpd, AAA, and the template markup around it', () => {
  const text = read('flexvpn-client-template-authorization-dpd-iot.cfg');
  const cfg = effectiveConfigFromText(text);
  test("the template's `!` at column 0 and its `<#if>` lines end no section: both keyring peers and the whole profile are read", () => {
    expect(cfg.ikev2.keyrings[0]?.peers.map((p) => `${p.name} ${p.identity?.identity.kind}:${p.identity?.identity.value}`)).toEqual([
      '${herIpAddress} key-id:${herIpAddress}',
      '${backupHerIpAddress} key-id:${backupHerIpAddress}',
    ]);
    const profile = cfg.ikev2.profiles[0];
    expect(profile?.matches.map((m) => `${m.kind}@${m.line}`)).toEqual(['key-id@23', 'key-id@25']);
    expect(at(profile!.dpd)).toBe('{"intervalSeconds":29,"retrySeconds":2,"mode":"periodic"}@31');
    expect(profile?.options).toEqual([{ words: 'aaa authorization group psk list CVPN CVPN', line: 32 }]);
    expect(cfg.ikev2.authorizationPolicies).toEqual([{ name: 'CVPN', line: 2 }]);
    expect(cfg.ikev2.options.map((o) => o.words)).toEqual(['route set interface', 'route accept any distance 70']);
  });
  test('only the template markup, its placeholders where an address goes, and the non-crypto interface lines stay unread', () => {
    expect(unread(text)).toEqual([
      'address ${herIpAddress}',
      '<#if isBackupHer == "true">',
      'address ${backupHerIpAddress}',
      '</#if>',
      '<#if isBackupHer == "true">',
      '</#if>',
      'ip mtu 1358',
      'ip nat outside',
      'ip tcp adjust-mss 1318',
      'tunnel path-mtu-discovery',
    ]);
  });
});

describe('global IKEv2 commands', () => {
  // Hand-written: `crypto ikev2 dpd` and a profile with none of its own, the smallest case of the rule.
  test('a profile without its own dpd takes `crypto ikev2 dpd`; one with its own keeps it; match fvrf is read', () => {
    const cfg = effectiveConfigFromText('crypto ikev2 dpd 10 3 on-demand\ncrypto ikev2 nat keepalive 20\ncrypto ikev2 profile A\n match fvrf any\n match identity remote any\ncrypto ikev2 profile B\n match identity remote any\n dpd 30 5 periodic\n');
    expect(cfg.ikev2.profiles.map((p) => `${p.name} ${at(p.dpd)} ${at(p.fvrf)}`)).toEqual([
      'A {"intervalSeconds":10,"retrySeconds":3,"mode":"on-demand"}@1 "any"@4',
      'B {"intervalSeconds":30,"retrySeconds":5,"mode":"periodic"}@8 null@default',
    ]);
    expect(cfg.ikev2.options).toEqual([{ words: 'crypto ikev2 nat keepalive 20', line: 2 }]);
  });
});

describe("an IKEv2 profile named on the tunnel line (a course lab's DMVPN hub and spoke)", () => {
  test('`tunnel protection ipsec profile IPSEC_P1 ikev2-profile PROF1` puts the tunnel on PROF1, its IPsec profile naming none', () => {
    for (const [name, line] of [
      ['otus-lab14-r14-cert.cfg', 184],
      ['otus-lab14-r27-cert.cfg', 182],
    ] as const) {
      const cfg = effectiveConfigFromText(read(name));
      const tunnel = phase2Sources(cfg).find((s) => s.kind === 'tunnel');
      expect(tunnel?.policy?.ikev2Profile).toEqual({ value: 'PROF1', line, isDefault: false });
      expect(tunnel?.profile?.ikev2Profile.value).toBeNull();
      // the line that makes the tunnel IKEv2 is its own, not the first IKEv2 profile's header
      expect(ikev2Line(cfg, tunnel ?? null)).toBe(line);
    }
  });
});

describe('smart defaults removed (flexvpn-svti-smart-defaults-r1-notes.cfg, its second setup typed after the first)', () => {
  test('`no crypto ikev2 proposal default` and `no crypto ikev2 policy default` leave only the configured proposal and policy; the IPsec defaults removed are kept with their lines', () => {
    const text = read('flexvpn-svti-smart-defaults-r1-notes.cfg');
    const cfg = effectiveConfigFromText(text);
    expect(cfg.ikev2.proposals.map((p) => p.name)).toEqual(['PROPOSAL-1']);
    expect(cfg.ikev2.policies.map((p) => p.name)).toEqual(['IKEV2_POLICY']);
    expect(cfg.ipsecDefaultsRemoved).toEqual({ transformSet: 72, profile: 71 });
    expect(unread(text).filter((l) => l.startsWith('no crypto'))).toEqual([]);
  });
});

