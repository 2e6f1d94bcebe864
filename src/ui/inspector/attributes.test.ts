import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { attributeRows } from './attributes.ts';
import { ikeSaMessages } from '../../core/timeline/ikev2-messages.ts';

const negotiation = analyze([{ name: 'seed', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }]).negotiations[0]!;
const message = (name: string) => [...negotiation.phase1.messages, ...negotiation.phase2[0]!.messages].find((m) => m.name === name)!;
const row = (name: string, rowName: string) => attributeRows(message(name), negotiation, 0).find((r) => r.name === rowName);

describe('the attributes the inspector decodes (seed)', () => {
  const cases = [
    { message: 'MM1', row: 'Encryption', value: 'DES-CBC', attribute: 'encryption' },
    { message: 'MM1', row: 'DH group', value: '1: MODP 768-bit (weak)', attribute: 'group' },
    { message: 'MM2', row: 'Lifetime', value: '86400 s', attribute: 'lifetime' },
    { message: 'QM1', row: 'Transform', value: 'esp-aes esp-sha-hmac', attribute: 'transform' },
    { message: 'QM1', row: 'Encapsulation', value: 'tunnel', attribute: 'encapsulation' },
    { message: 'QM1', row: 'PFS', value: 'none', attribute: 'pfs' },
    { message: 'QM2', row: 'SPI inbound', value: '0x45F16A9A (1173449370), 3439 s / 4608000 KB, ACTIVE', attribute: null },
  ] as const;
  for (const c of cases) {
    test(`${c.message} ${c.row}`, () => {
      expect(row(c.message, c.row)).toEqual({ name: c.row, value: c.value, attribute: c.attribute });
    });
  }

  test('MM3 carries no proposal attributes', () => {
    expect(attributeRows(message('MM3'), negotiation, 0).map((r) => r.name)).toEqual(['Pre-shared key']);
  });
});

describe('the attributes of IKEv2 messages (corpus 11, an IOS-XE initiator whose child SA is refused)', () => {
  const v2 = analyze([{ name: '11.log', text: readFileSync('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', 'utf8') }]).negotiations.find((n) => n.ikeVersion === 2)!;
  const messages = ikeSaMessages(v2.ikeSa!);
  const rows = (name: string) => attributeRows(messages.find((m) => m.name === name)!, v2, 0).map((r) => `${r.name}: ${r.value} [${r.attribute ?? '-'}]`);
  test('IKE_SA_INIT: the proposal as printed, tied to the proposal lines', () => {
    expect(rows('IKE_SA_INIT')).toEqual([`Proposal: ${v2.ikeSa!.proposal!.transforms.join(' ')} [encryption]`]);
  });
  test('IKE_AUTH: identity, authentication, key, and the child SA it proposed with its refusal', () => {
    expect(rows('IKE_AUTH').map((r) => r.split(':')[0])).toEqual(['Identity', 'Authentication', 'Pre-shared key', 'Child SA transform', 'Refused']);
    expect(rows('IKE_AUTH')).toContain("Child SA transform: AES-CBC SHA96 Don't use ESN [transform]");
    expect(rows('IKE_AUTH')).toContain('Refused: NO_PROPOSAL_CHOSEN [-]');
  });
});
