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

describe('the child SA rows of an IKE_AUTH response: only where the response carried the child SA', () => {
  const ikev2 = (path: string) => analyze([{ name: path, text: readFileSync(`fixtures/${path}`, 'utf8') }]).negotiations.find((n) => n.ikeVersion === 2)!;
  const names = (path: string, message: string) => {
    const n = ikev2(path);
    return attributeRows(ikeSaMessages(n.ikeSa!).find((m) => m.name === message)!, n, 0).map((r) => r.name);
  };
  const cases = [
    // the ASA initiator read the response without a child SA (no notify decoded): its offer stays on the request
    { path: 'partial/asa-ikev2-auth-response-without-child-sa-then-own-delete-initiator-behind-nat-caida.log', request: ['Child SA transform', 'Traffic selectors'], response: [] },
    // the ASA responder refused it with NO_PROPOSAL_CHOSEN (payloads VID, ID, AUTH, NOTIFY): no selectors in it
    { path: 'partial/asa-ikev2-crypto-map-peer-doesnt-match-peer-behind-nat-child-refused-responder-caida.log', request: ['Traffic selectors', 'Refused'], response: ['Refused'] },
    // corpus 11: the IOS-XE initiator's refused child SA
    { path: 'corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', request: ['Child SA transform', 'Refused'], response: ['Refused'] },
    // corpus 29: the child SA made, the response carries the transform chosen and the selectors
    { path: 'corpus/29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log', request: ['Child SA transform', 'Traffic selectors'], response: ['Child SA transform', 'Traffic selectors'] },
  ];
  const auth = ['Identity', 'Authentication', 'Pre-shared key'];
  for (const c of cases) {
    test(c.path, () => {
      expect(names(c.path, 'IKE_AUTH')).toEqual([...auth, ...c.request]);
      expect(names(c.path, 'IKE_AUTH.response')).toEqual([...auth, ...c.response]);
    });
  }
});
