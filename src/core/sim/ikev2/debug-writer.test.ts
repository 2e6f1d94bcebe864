/** The IKEv2 debug writer's forms and the lines each trace step printed (the lab steps through them). */
import { describe, expect, test } from 'vitest';
import { timestamp } from '../ios-print.ts';
import { routerOf } from '../preset-scenario.ts';
import { writeIkev2DebugOutput } from './debug-writer.ts';
import { findIkev2Preset } from './presets.ts';
import { simulateIkev2 } from './simulate.ts';

const trace = (name: string) => {
  const p = findIkev2Preset(name)!;
  return simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder) });
};

describe('the IKEv2 debug output', () => {
  test.each(['ios-15', 'iosxe-17'] as const)('each step knows its lines (%s): in order, without gaps, covering every line', (style) => {
    const t = trace('ikev2-seed');
    for (const side of ['initiator', 'responder'] as const) {
      const { text, spans } = writeIkev2DebugOutput(t, side, style);
      const lines = text.trimEnd().split('\n');
      expect(spans[0]?.first).toBe(1);
      expect(spans.at(-1)?.last).toBeGreaterThanOrEqual(lines.length);
      for (const [i, span] of spans.entries()) if (i > 0) expect(span.first).toBe(spans[i - 1]!.last + 1);
    }
  });

  test('the encrypted IKE_AUTH request: its cleartext list, then its block with ENCR (corpus 11)', () => {
    const t = trace('ikev2-seed');
    const { text, spans } = writeIkev2DebugOutput(t, 'initiator', 'ios-15');
    const lines = text.trimEnd().split('\n');
    const send = t.steps.find((s) => s.side === 'initiator' && s.event.kind === 'send' && s.event.message === 'IKE_AUTH');
    const span = spans.find((x) => x.step === send?.index)!;
    const at = timestamp(send!.at);
    expect(at).toBe('*Mar  1 10:00:00.008:');
    expect(lines.slice(span.first - 1, span.last)).toEqual([
      `${at} IKEv2:(SESSION ID = 1,SA ID = 1):Building packet for encryption.  `,
      'Payload contents: ',
      ' VID IDi AUTH SA TSi TSr NOTIFY(INITIAL_CONTACT) NOTIFY(SET_WINDOW_SIZE) NOTIFY(ESP_TFC_NO_SUPPORT) NOTIFY(NON_FIRST_FRAGS) ',
      '',
      `${at} IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.0.12.2:500/From 10.0.12.1:500/VRF i0:f0] `,
      `Initiator SPI : ${t.spis.initiator} - Responder SPI : ${t.spis.responder} Message id: 1`,
      'IKEv2 IKE_AUTH Exchange REQUEST ',
      'Payload contents: ',
      ' ENCR ',
      '',
    ]);
  });

  test("SM Trace lines name the SA's SPIs, the role, the message ID, the state and the event (the initiator knows no R_SPI before the response)", () => {
    const { text } = writeIkev2DebugOutput(trace('ikev2-seed'), 'initiator', 'ios-15');
    const sm = text.split('\n').filter((l) => l.includes('SM Trace->'));
    expect(sm[0]).toMatch(/^\*Mar {2}1 10:00:00\.000: IKEv2:\(SESSION ID = 1,SA ID = 1\):SM Trace-> SA: I_SPI=[\dA-F]{16} R_SPI=0{16} \(I\) MsgID = 0 CurState: IDLE Event: EV_INIT_SA$/);
    expect(sm.at(-1)).toMatch(/R_SPI=(?!0{16})[\dA-F]{16} \(I\) MsgID = 1 CurState: READY Event: EV_I_OK$/);
  });

  test("the identity mismatch: the responder searched by the peer's identity and found no profile (corpus 41's lines)", () => {
    const { text } = writeIkev2DebugOutput(trace('ikev2-identity-mismatch'), 'responder', 'ios-15');
    const at = '*Mar  1 10:00:00.012:';
    expect(text).toContain(`${at} IKEv2:(SESSION ID = 1,SA ID = 1):Searching policy based on peer's identity '10.0.12.1' of type 'IPv4 address'\n${at} IKEv2:% IKEv2 profile not found\n${at} IKEv2:(SESSION ID = 1,SA ID = 1):: Failed to locate an item in the database\n`);
  });
});

test('the IKE_SA_INIT request shows no responder SPI on either side; the response shows it (corpus 31)', () => {
  const t = trace('ikev2-seed');
  for (const side of ['initiator', 'responder'] as const) {
    const spiLines = writeIkev2DebugOutput(t, side, 'ios-15').text.split('\n').filter((l) => l.startsWith('Initiator SPI'));
    expect(spiLines[0]).toBe(`Initiator SPI : ${t.spis.initiator} - Responder SPI : 0000000000000000 Message id: 0`);
    expect(spiLines[1]).toBe(`Initiator SPI : ${t.spis.initiator} - Responder SPI : ${t.spis.responder} Message id: 0`);
  }
});

describe('the IOS-XE 17 style', () => {
  const t = trace('ikev2-seed');
  const { text, spans } = writeIkev2DebugOutput(t, 'initiator', 'iosxe-17');
  const lines = text.trimEnd().split('\n');

  test('the state machine and the lookups under IKEv2-INTERNAL:, the packet blocks under IKEv2:, the time with its year and zone (IKEv2.md 2.2)', () => {
    expect(lines[0]).toMatch(/^Mar {2}1 2024 10:00:00\.000 UTC: IKEv2-INTERNAL:\(SESSION ID = 1,SA ID = 1\):SM Trace-> SA: I_SPI=[\dA-F]{16} R_SPI=0{16} \(I\) MsgID = 0 CurState: IDLE Event: EV_INIT_SA$/);
    expect(lines).toContain('Mar  1 2024 10:00:00.000 UTC: IKEv2-INTERNAL:Found Policy \'POL-1\'');
    expect(lines).toContain('Mar  1 2024 10:00:00.000 UTC: IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.0.12.2:500/From 10.0.12.1:500/VRF i0:f0] ');
    expect(lines.filter((l) => l.includes('SM Trace->')).every((l) => l.includes(' IKEv2-INTERNAL:('))).toBe(true);
  });

  test('each packet block is followed by its decode under IKEv2-PAK:, the encrypted one as ENCR naming its first payload', () => {
    const send = t.steps.find((s) => s.side === 'initiator' && s.event.kind === 'send' && s.event.message === 'IKE_AUTH')!;
    const span = spans.find((x) => x.step === send.index)!;
    const printed = lines.slice(span.first - 1, span.last);
    const at = 'Mar  1 2024 10:00:00.008 UTC:';
    expect(printed.slice(4)).toEqual([
      `${at} IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.0.12.2:500/From 10.0.12.1:500/VRF i0:f0] `,
      `Initiator SPI : ${t.spis.initiator} - Responder SPI : ${t.spis.responder} Message id: 1`,
      'IKEv2 IKE_AUTH Exchange REQUEST ',
      'Payload contents: ',
      ' ENCR ',
      `${at} IKEv2-PAK:(SESSION ID = 1,SA ID = 1):Next payload: ENCR, version: 2.0 Exchange type: IKE_AUTH, flags: INITIATOR Message id: 1, length: 260`,
      'Payload contents: ',
      ' ENCR  Next payload: VID, reserved: 0x0, length: 232',
      '',
    ]);
    const decodes = lines.filter((l) => l.includes('IKEv2-PAK:'));
    expect(decodes).toHaveLength(lines.filter((l) => / IKEv2:\(SESSION ID = 1,SA ID = 1\):(?:Sending|Received) Packet/.test(l)).length);
    expect(decodes.some((l) => l.includes('Exchange type: IKE_AUTH, flags: RESPONDER MSG-RESPONSE Message id: 1'))).toBe(true);
  });
});
