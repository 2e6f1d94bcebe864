import { fixture, ruleCases, simulated } from './rule-cases.test-helper.ts';

// Realistic IOS 12.4 responder lines (the corpus has none): error 32.
const error32 = [
  '*Mar  1 00:06:00.100: IPSEC(validate_proposal_request): proposal part #1,',
  '  (key eng. msg.) INBOUND local= 10.0.0.2, remote= 10.0.0.1,',
  '    local_proxy= 192.168.2.0/255.255.255.0/0/0 (type=4),',
  '    remote_proxy= 192.168.1.0/255.255.255.0/0/0 (type=4),',
  '    protocol= ESP, transform= esp-aes esp-sha-hmac  (Tunnel),',
  '*Mar  1 00:06:00.100: IPSEC(validate_transform_proposal): proxy identities not supported',
  '*Mar  1 00:06:00.100: ISAKMP:(1001): IPSec policy invalidated proposal with error 32',
  '*Mar  1 00:06:00.100: ISAKMP:(1001): phase 2 SA policy not acceptable! (local 10.0.0.2 remote 10.0.0.1)',
  '*Mar  1 00:06:00.100: ISAKMP:(1001):sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
].join('\n');

const proxy = simulated('proxy-mismatch');

ruleCases('P2_PROXY_MISMATCH', [
  { name: 'error 32 and proxy identities not supported', logs: error32, severities: ['error'] },
  { name: 'simulated proxy-mismatch preset', logs: proxy.paste, severities: ['error'], without: ['P2_TRANSFORM_MISMATCH', 'P2_REJECTED_BY_PEER'] },
  { name: 'corpus 18: error 256 is not a proxy problem', logs: fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: [] },
  { name: 'corpus 16: host proxies accepted', logs: fixture('corpus/16-qm-responder-host-proxies-transform-none-pastebin.log'), severities: [] },
  { name: 'seed: any/any proxies accepted', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  {
    name: 'names the proxies and, with the config, the ACL lines',
    logs: proxy.paste,
    configs: [proxy.preset.responder.config],
    severities: ['error'],
    summary: ['10.1.0.0/255.255.255.0'],
    // BRANCH: 'match address VPN-TRAFFIC' (line 15) and its permit (line 11).
    configLines: [
      { file: 1, line: 11 },
      { file: 1, line: 15 },
    ],
    fix: ['Mirror the ACLs'],
  },
]);
