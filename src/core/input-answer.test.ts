import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { answerInput, type InputFacts } from './input-answer.ts';

const facts = (over: Partial<InputFacts>): InputFacts => ({ logLines: 10, textLines: 10, debugLines: 0, negotiations: 0, configs: 0, sample: 'some text\n', ...over });
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
    { name: 'text with tabs and accents is text', facts: facts({ sample: 'col\tcol\r\nrésumé ligne\n' }), kind: 'not-ike' },
  ];
  for (const c of cases) test(c.name, () => expect(answerInput(c.facts)?.kind ?? null).toBe(c.kind));

  test('counts the IKEv2 lines it saw', () => {
    const answer = answerInput(facts({ sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet\nIKEv2-PAK:Received\nR1#\n' }));
    expect(answer).toEqual({ kind: 'ikev2', lines: 2 });
  });
});
