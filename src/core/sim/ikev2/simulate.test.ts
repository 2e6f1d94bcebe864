/**
 * The IKEv2 simulation under faults, on the presets' real config text: a message lost once is sent again (by the
 * initiator's timer, or by the responder answering the repeated request) and the tunnel still comes up; an
 * unreachable peer gets IKE_SA_INIT seven times, then the initiator gives up; NAT floats IKE_AUTH to UDP 4500.
 * Each run is read back by analyze(): every line understood, every SM step allowed, the resends drawn as resends.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import { routerOf } from '../preset-scenario.ts';
import { writeIkev2Debug } from './debug-writer.ts';
import { findIkev2Preset } from './presets.ts';
import { simulateIkev2 } from './simulate.ts';
import type { Ikev2Faults, Ikev2SimTrace } from './trace.ts';

function run(presetName: string, faults: Ikev2Faults): Ikev2SimTrace {
  const p = findIkev2Preset(presetName)!;
  return simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder), faults });
}

function readBack(trace: Ikev2SimTrace) {
  return analyze([
    { name: 'R1.log', text: `R1#debug crypto ikev2\n${writeIkev2Debug(trace, 'initiator', 'ios-15')}` },
    { name: 'R2.log', text: `R2#debug crypto ikev2\n${writeIkev2Debug(trace, 'responder', 'ios-15')}` },
  ]);
}

const sent = (trace: Ikev2SimTrace) => trace.steps.flatMap((s) => (s.event.kind === 'send' ? [`${s.side}:${s.event.message}${s.event.retransmission ? '*' : ''}${s.event.lost ? '!' : ''}`] : []));

describe('a message lost once', () => {
  const cases: { preset: string; from: Side; message: Ikev2MessageName; wire: string[] }[] = [
    { preset: 'ikev2-seed', from: 'initiator', message: 'IKE_SA_INIT', wire: ['initiator:IKE_SA_INIT!', 'initiator:IKE_SA_INIT*', 'responder:IKE_SA_INIT.response', 'initiator:IKE_AUTH', 'responder:IKE_AUTH.response'] },
    {
      preset: 'ikev2-seed',
      from: 'responder',
      message: 'IKE_SA_INIT.response',
      wire: ['initiator:IKE_SA_INIT', 'responder:IKE_SA_INIT.response!', 'initiator:IKE_SA_INIT*', 'responder:IKE_SA_INIT.response*', 'initiator:IKE_AUTH', 'responder:IKE_AUTH.response'],
    },
    { preset: 'ikev2-seed', from: 'initiator', message: 'IKE_AUTH', wire: ['initiator:IKE_SA_INIT', 'responder:IKE_SA_INIT.response', 'initiator:IKE_AUTH!', 'initiator:IKE_AUTH*', 'responder:IKE_AUTH.response'] },
    {
      preset: 'ikev2-seed',
      from: 'responder',
      message: 'IKE_AUTH.response',
      wire: ['initiator:IKE_SA_INIT', 'responder:IKE_SA_INIT.response', 'initiator:IKE_AUTH', 'responder:IKE_AUTH.response!', 'initiator:IKE_AUTH*', 'responder:IKE_AUTH.response*'],
    },
    {
      preset: 'ikev2-ts-mismatch',
      from: 'initiator',
      message: 'INFORMATIONAL',
      wire: ['initiator:IKE_SA_INIT', 'responder:IKE_SA_INIT.response', 'initiator:IKE_AUTH', 'responder:IKE_AUTH.response', 'initiator:INFORMATIONAL!', 'initiator:INFORMATIONAL*', 'responder:INFORMATIONAL.response'],
    },
  ];
  for (const c of cases) {
    test(`${c.preset}, ${c.from}'s ${c.message}: sent again, the exchange completes, read back with its resends`, () => {
      const trace = run(c.preset, { lose: [{ from: c.from, message: c.message }] });
      expect(sent(trace)).toEqual(c.wire);
      expect(trace.outcome).toEqual(findIkev2Preset(c.preset)!.expect);
      const a = readBack(trace);
      expect(a.input.unrecognized).toEqual([]);
      const n = a.negotiations[0]!;
      expect(n.ikeSa?.outcome).toBe('complete');
      expect(n.ikeSa?.transitions.filter((t) => t.allowed !== true)).toEqual([]);
      expect(n.findings[0]?.code ?? null).toBe(findIkev2Preset(c.preset)!.finding);
      // a lost message is printed only by its sender: the ladder has one arrow per sending
      expect(n.ikeSa?.messages.filter((m) => m.retransmission === true)).toHaveLength(c.wire.filter((w) => w.endsWith('*')).length);
    });
  }
});

test('unreachable: IKE_SA_INIT seven times (six resends), then the initiator gives up; the responder prints nothing', () => {
  const trace = run('ikev2-seed', { unreachable: true });
  expect(sent(trace)).toEqual(['initiator:IKE_SA_INIT!', ...Array<string>(6).fill('initiator:IKE_SA_INIT*!')]);
  expect(trace.outcome).toEqual({ phase1: 'failed', phase2: 'failed' });
  expect(writeIkev2Debug(trace, 'responder', 'ios-15')).toBe('');
  const last = trace.steps.filter((s) => s.event.kind === 'transition').at(-1);
  expect(last?.event).toEqual({ kind: 'transition', from: 'INIT_DONE', to: 'EXIT', event: 'EV_FAIL' });
});

test('NAT: discovery in IKE_SA_INIT on UDP 500, IKE_AUTH on 4500 both ways, EV_CHG_NAT_T_PORT on both SM traces', () => {
  const trace = run('ikev2-seed', { nat: true });
  const ports = trace.steps.flatMap((s) => (s.event.kind === 'send' ? [`${s.event.message}:${s.event.port}`] : []));
  expect(ports).toEqual(['IKE_SA_INIT:500', 'IKE_SA_INIT.response:500', 'IKE_AUTH:4500', 'IKE_AUTH.response:4500']);
  const natEvents = trace.steps.filter((s) => s.event.kind === 'sm' && s.event.event === 'EV_CHG_NAT_T_PORT').map((s) => s.side);
  expect(natEvents).toEqual(['initiator', 'responder']);
  const a = readBack(trace);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.negotiations[0]?.ikeSa?.transitions.filter((t) => t.allowed !== true)).toEqual([]);
});

test('deterministic: the same scenario gives the same trace', () => {
  expect(JSON.stringify(run('ikev2-ts-mismatch', {}))).toBe(JSON.stringify(run('ikev2-ts-mismatch', {})));
});

describe('variations of the seed configs', () => {
  const seed = findIkev2Preset('ikev2-seed')!;
  const withTexts = (initiator: string, responder: string): Ikev2SimTrace =>
    simulateIkev2({ initiator: routerOf({ ...seed.initiator, config: initiator }), responder: routerOf({ ...seed.responder, config: responder }) });

  test("a transform set the responder lacks: IKE_AUTH answered NO_PROPOSAL_CHOSEN, the IKE SA up then deleted, P2_TRANSFORM_MISMATCH", () => {
    const trace = withTexts(seed.initiator.config, seed.responder.config.replace('esp-aes 256 esp-sha256-hmac', 'esp-aes esp-sha-hmac'));
    expect(trace.outcome).toEqual({ phase1: 'complete', phase2: 'failed' });
    const response = trace.steps.find((s) => s.event.kind === 'send' && s.event.message === 'IKE_AUTH.response');
    expect(response?.event).toMatchObject({ payloads: ['VID', 'IDr', 'AUTH', 'NOTIFY(NO_PROPOSAL_CHOSEN)'] });
    const a = readBack(trace);
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations[0]?.findings.map((f) => f.code)[0]).toBe('P2_TRANSFORM_MISMATCH');
  });

  test("the responder signs with a pre-shared-key local the initiator does not expect: the initiator cannot verify IKE_AUTH's response", () => {
    const responder = seed.responder.config.replace('  pre-shared-key Cisco1234', '  pre-shared-key local Other1234\n  pre-shared-key remote Cisco1234');
    const trace = withTexts(seed.initiator.config, responder);
    expect(trace.outcome.phase1).toBe('failed');
    const verdicts = trace.steps.flatMap((s) => (s.event.kind === 'note' && s.event.note.kind === 'auth-verified' ? [`${s.side}:${String(s.event.note.passed)}`] : []));
    expect(verdicts).toEqual(['responder:true', 'initiator:false']);
    const a = readBack(trace);
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations[0]?.ikeSa?.transitions.filter((t) => t.allowed !== true)).toEqual([]);
    expect(a.negotiations[0]?.findings.map((f) => f.code)).toContain('PSK_MISMATCH');
  });
});

test("the initiator's profile does not take the responder's identity: IKE_AUTH's response refused, IDENTITY_MISMATCH on the initiator", () => {
  const seed = findIkev2Preset('ikev2-seed')!;
  const initiator = seed.initiator.config.replace('match identity remote address 10.0.12.2 255.255.255.255', 'match identity remote fqdn R2.example.com');
  const trace = simulateIkev2({ initiator: routerOf({ ...seed.initiator, config: initiator }), responder: routerOf(seed.responder) });
  expect(trace.outcome.phase1).toBe('failed');
  const a = readBack(trace);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.negotiations[0]?.ikeSa?.transitions.filter((t) => t.allowed !== true)).toEqual([]);
  const identity = a.negotiations[0]?.findings.find((f) => f.code === 'IDENTITY_MISMATCH');
  expect(identity?.summary).toContain('R1 refused the peer at IKE_AUTH');
});

test("no IKEv2 policy for the initiator's address: it cannot build IKE_SA_INIT, nothing goes on the wire", () => {
  const seed = findIkev2Preset('ikev2-seed')!;
  const initiator = seed.initiator.config.replace('crypto ikev2 policy POL-1\n', 'crypto ikev2 policy POL-1\n match address local 10.9.9.9\n');
  const trace = simulateIkev2({ initiator: routerOf({ ...seed.initiator, config: initiator }), responder: routerOf(seed.responder) });
  expect(trace.outcome).toEqual({ phase1: 'failed', phase2: 'failed' });
  expect(trace.steps.map((s) => s.event.kind)).toEqual(['note']);
  expect(writeIkev2Debug(trace, 'initiator', 'ios-15')).toBe('*Mar  1 10:00:00.000: IKEv2:Searching Policy with fvrf 0, local address 10.0.12.1\n');
});

test("the delete's acknowledgement lost: the responder's SA is gone, the initiator resends its delete six times unanswered, then drops the SA", () => {
  const trace = run('ikev2-ts-mismatch', { lose: [{ from: 'responder', message: 'INFORMATIONAL.response' }] });
  expect(sent(trace).slice(4)).toEqual(['initiator:INFORMATIONAL', 'responder:INFORMATIONAL.response!', ...Array<string>(6).fill('initiator:INFORMATIONAL*')]);
  expect(trace.outcome).toEqual({ phase1: 'complete', phase2: 'failed' });
  expect(trace.steps.at(-1)?.event).toEqual({ kind: 'note', note: { kind: 'sa-deleted' } });
  const a = readBack(trace);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.negotiations).toHaveLength(1);
  expect(a.negotiations[0]?.findings[0]?.code).toBe('P2_PROXY_MISMATCH');
});

test('IKE_AUTH lost seven times: the initiator gives up in I_WAIT_AUTH (AUTH_DONE, then EXIT)', () => {
  const lose = Array.from({ length: 7 }, () => ({ from: 'initiator' as const, message: 'IKE_AUTH' as const }));
  const trace = run('ikev2-seed', { lose });
  expect(trace.outcome.phase1).toBe('failed');
  const moves = trace.steps.flatMap((s) => (s.side === 'initiator' && s.event.kind === 'transition' ? [`${s.event.from}>${s.event.to}`] : []));
  expect(moves.slice(-2)).toEqual(['I_WAIT_AUTH>AUTH_DONE', 'AUTH_DONE>EXIT']);
  const a = readBack(trace);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.negotiations[0]?.ikeSa?.transitions.filter((t) => t.allowed !== true)).toEqual([]);
});

test('IPv6 VTIs: the IPv6 addresses on the packet lines and identities, read back as one negotiation that comes up', () => {
  const seed = findIkev2Preset('ikev2-seed')!;
  const v6 = (text: string, me: string, peer: string) =>
    text
      .replace(/address 10\.0\.12\.\d 255\.255\.255\.255/, `address ${peer}/128`)
      .replace(/ {2}address 10\.0\.12\.\d/, `  address ${peer}/128`)
      .replace(/tunnel destination 10\.0\.12\.\d/, `tunnel destination ${peer}`)
      .replace('tunnel mode ipsec ipv4', 'tunnel mode ipsec ipv6')
      .replace(/ ip address 10\.0\.12\.\d 255\.255\.255\.0/, ` ipv6 address ${me}/64`);
  const trace = simulateIkev2({
    initiator: routerOf({ ...seed.initiator, address: '2001:db8::1', config: v6(seed.initiator.config, '2001:db8::1', '2001:db8::2') }),
    responder: routerOf({ ...seed.responder, address: '2001:db8::2', config: v6(seed.responder.config, '2001:db8::2', '2001:db8::1') }),
  });
  expect(trace.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
  expect(writeIkev2Debug(trace, 'initiator', 'ios-15')).toContain("Constructing IDi payload: '2001:db8::1' of type 'IPv6 address'");
  const a = readBack(trace);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.negotiations.map((n) => [n.role, n.ikeSa?.outcome, n.local, n.peer])).toEqual([['both', 'complete', '2001:db8::1', '2001:db8::2']]);
});

test('an IKEv2 profile named but not defined: the initiator has nothing to authenticate with and starts nothing', () => {
  const seed = findIkev2Preset('ikev2-seed')!;
  const initiator = seed.initiator.config.replace(' set ikev2-profile PROF-1', ' set ikev2-profile PROF-TYPO');
  const trace = simulateIkev2({ initiator: routerOf({ ...seed.initiator, config: initiator }), responder: routerOf(seed.responder) });
  expect(trace.outcome).toEqual({ phase1: 'failed', phase2: 'failed' });
  expect(trace.steps.map((s) => s.event)).toEqual([{ kind: 'note', note: { kind: 'no-profile', name: 'PROF-TYPO' } }]);
});
