import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { ikeSaMessages } from '../timeline/ikev2-messages.ts';
import { messageGuideIn } from './message-guide.ts';

/** The inspector's "sends" text of an IKE_AUTH response says what the response shows of the child SA. */
describe('what the guide says the sender of an IKE_AUTH response did', () => {
  const responseSender = (path: string) => {
    const n = analyze([{ name: path, text: readFileSync(`fixtures/${path}`, 'utf8') }]).negotiations.find((x) => x.ikeVersion === 2)!;
    return messageGuideIn(ikeSaMessages(n.ikeSa!).find((m) => m.name === 'IKE_AUTH.response')!, n).sender;
  };
  const cases = [
    // the IOS-XE initiator's and the ASA responder's refusal (payloads VID, ID, AUTH, NOTIFY(NO_PROPOSAL_CHOSEN))
    { path: 'corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', says: "Verified the initiator's AUTH and sent its own; refused the child SA with NOTIFY(NO_PROPOSAL_CHOSEN) (none of the proposals was acceptable), in place of an SA and traffic selectors." },
    { path: 'corpus/32-asa-acl-mismatch-no-proxy-match-no-proposal-chosen-responder.log', says: "Verified the initiator's AUTH and sent its own; refused the child SA with NOTIFY(NO_PROPOSAL_CHOSEN) (none of the proposals was acceptable), in place of an SA and traffic selectors." },
    // a PSK mismatch: the response is only NOTIFY(AUTHENTICATION_FAILED)
    { path: 'corpus/26-asa-psk-mismatch-authentication-failed-responder-two-attempts.log', says: "Refused the initiator's authentication with NOTIFY(AUTHENTICATION_FAILED) (the authentication did not verify): no IKE SA, and no child SA with it." },
    // the ASA initiator read the response without a child SA and without its notify
    { path: 'partial/asa-ikev2-auth-response-without-child-sa-then-own-delete-initiator-behind-nat-caida.log', says: 'Its response, as this log reads it, carries nothing of the child SA: no SA, no traffic selectors, no notify.' },
    // the child SA made: the guide's words stand
    { path: 'corpus/29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log', says: "Verified the initiator's AUTH, computed its own from its keyring entry for the initiator, matched the ESP proposal and traffic selectors." },
  ];
  for (const c of cases) {
    test(c.path, () => {
      expect(responseSender(c.path)).toBe(c.says);
    });
  }
});
