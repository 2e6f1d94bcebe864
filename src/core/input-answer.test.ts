import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { answerInput, type InputFacts } from './input-answer.ts';

const facts = (over: Partial<InputFacts>): InputFacts => ({ logLines: 10, textLines: 10, debugLines: 0, negotiations: 0, configs: 0, sample: 'some text\n', ...over });
const awsAsaLog = readFileSync('fixtures/partial/asa-ikev1-syslog-phase1-completed-no-crypto-map-entry-for-proxy-aws-blog.log', 'utf8');
const ikev2Log = readFileSync('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', 'utf8');

describe('the answer for an input with nothing to draw', () => {
  const cases: { name: string; facts: InputFacts; kind: string | null }[] = [
    { name: 'a negotiation found', facts: facts({ negotiations: 1, debugLines: 40 }), kind: null },
    { name: 'nothing but blank lines', facts: facts({ logLines: 3, textLines: 0, sample: '\n\n\n' }), kind: 'empty' },
    { name: 'configs and no log', facts: facts({ logLines: 0, textLines: 0, configs: 2, sample: '' }), kind: 'config-only' },
    { name: 'a binary file', facts: facts({ sample: '\u0000\u0001PK\u0003\u0004\ufffd\ufffd\u0000ab\u0007' }), kind: 'binary' },
    { name: 'an IKEv2 log (corpus 11)', facts: facts({ debugLines: 12, sample: ikev2Log }), kind: 'ikev2' },
    { name: 'prose naming IKEv2 is not an IKEv2 log', facts: facts({ sample: 'We moved from IKEv2 to IKEv1: see below.\n' }), kind: 'not-ike' },
    { name: 'one stray error line', facts: facts({ debugLines: 1 }), kind: 'no-negotiation' },
    { name: 'prose', facts: facts({ sample: 'Hello, my tunnel is down. Any idea?\n' }), kind: 'not-ike' },
    // two lines of the ASA's IKEv1 debug as Cisco's "General IPsec troubleshooting" deck prints them (document 123399,
    // https://studylib.net/doc/9552345/123399-general-ipsec-troubleshooting, stored text of the pages corpus)
    {
      name: "the ASA's IKEv1 debug output",
      facts: facts({ sample: '[IKEv1 DEBUG]IP = 172.18.254.89, All SA proposals found unacceptable\n[IKEv1 DEBUG]IP = 172.18.254.89, IKE SA Proposal # 1, Transform # 1 acceptable Matches global IKE entry # 5\n' }),
      kind: 'asa-ikev1',
    },
    // the ASA's IKE system messages are read as syslog lines (debugLines 5), yet they are its IKEv1 output
    // (fixtures/partial/asa-ikev1-syslog-phase1-completed-no-crypto-map-entry-for-proxy-aws-blog.log)
    { name: "the ASA's IKEv1 system messages", facts: facts({ debugLines: 6, sample: awsAsaLog }), kind: 'asa-ikev1' },
    // a line whose IKEv1 tag was not copied: the tunnel group and the peer's address open it
    // (fixtures/partial/asa-ikev1-debug-three-forms-no-crypto-map-proposals-unacceptable-openswan-notes.log)
    { name: "the ASA's tunnel group and peer opening a line", facts: facts({ sample: 'Group = 206.54.167.110, IP = 206.54.167.110, Session is being torn down. Reason: crypto map policy not found\n' }), kind: 'asa-ikev1' },
    // hand-written: prose that mentions a group and an address is no ASA line (no real prose of that shape was found)
    { name: 'prose naming a group and an IP', facts: facts({ sample: 'The Group = sales, and its IP = 10.1.1.1, is wrong.\n' }), kind: 'not-ike' },
    { name: 'text with tabs and accents is text', facts: facts({ sample: 'col\tcol\r\nrésumé ligne\n' }), kind: 'not-ike' },
  ];
  for (const c of cases) test(c.name, () => expect(answerInput(c.facts)?.kind ?? null).toBe(c.kind));

  test('counts the IKEv2 lines it saw', () => {
    const answer = answerInput(facts({ sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet\nIKEv2-PAK:Received\nR1#\n' }));
    expect(answer).toEqual({ kind: 'ikev2', lines: 2 });
  });
});
