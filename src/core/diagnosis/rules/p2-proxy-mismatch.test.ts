import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText, type DiagnosisContext } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { simulate } from '../../sim/simulate.ts';
import { writeDebug } from '../../sim/debug-writer.ts';
import { PRESETS, scenarioOf } from '../../sim/presets.ts';
import { rule } from './p2-proxy-mismatch.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

/** Both routers' debug output as the simulation writes it for a preset, in one paste. */
function simulated(name: string): { text: string; preset: (typeof PRESETS)[number] } {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const trace = simulate(scenarioOf(preset));
  return { text: `${writeDebug(trace, 'initiator')}\n${writeDebug(trace, 'responder')}`, preset };
}

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

const cases: { name: string; ctx: () => DiagnosisContext; severities: string[] }[] = [
  { name: 'error 32 and proxy identities not supported', ctx: () => contextFromText(error32), severities: ['error'] },
  { name: 'simulated proxy-mismatch preset', ctx: () => contextFromText(simulated('proxy-mismatch').text), severities: ['error'] },
  { name: 'corpus 18: error 256 is not a proxy problem', ctx: () => contextFromText(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log')), severities: [] },
  { name: 'corpus 16: host proxies accepted', ctx: () => contextFromText(read('corpus/16-qm-responder-host-proxies-transform-none-pastebin.log')), severities: [] },
  { name: 'seed: any/any proxies accepted', ctx: () => contextFromText(read('seed/ios-ikev1-main-mode-debugs.txt')), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(c.ctx()).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('names the proxies and, with the config, the ACL lines', () => {
  const { text, preset } = simulated('proxy-mismatch');
  const responder = attachedConfig(2, preset.responder.config);
  const [f] = rule.diagnose(contextFromText(text, 0, { responder }));
  expect(f?.summary).toContain('10.1.0.0/255.255.255.0');
  // BRANCH: 'match address VPN-TRAFFIC' (line 15) and its permit (line 11).
  expect(f?.configLines).toEqual([
    { file: 2, line: 11 },
    { file: 2, line: 15 },
  ]);
  expect(f?.fix).toContain('Mirror the ACLs');
});
