/**
 * The lab's one pure entry: two routers' config texts and the faults between them in, the simulated
 * negotiation and each router's debug output out, as files the page analyses exactly like a real paste
 * (two logs, then the two configs). No React and no DOM here, so the CLI and the tests see the same run.
 */
import type { Side } from '../ike/sides.ts';
import { normalizeAddress } from '../config/address.ts';
import { effectiveConfigFromText } from '../config/effective.ts';
import type { EffectiveConfig } from '../config/model.ts';
import { phase2Sources, sourcePeer } from '../config/phase2-sources.ts';
import type { Platform } from '../fsm/exchange-setup.ts';
import type { Phase1Mode } from '../fsm/machines.ts';
import { writeDebug, type DebugStyle } from './debug-writer.ts';
import { ikeVersionOf } from './ike-version.ts';
import { IKEV2_DEBUG_COMMANDS, writeIkev2Debug } from './ikev2/debug-writer.ts';
import { simulateIkev2 } from './ikev2/simulate.ts';
import { ikev2FaultFlags, type Ikev2SimTrace } from './ikev2/trace.ts';
import { findLabPreset } from './preset-list.ts';
import type { SimRouter } from './routers.ts';
import { simulate } from './simulate.ts';
import type { SimFaults, SimTrace } from './trace.ts';

/** What the lab's controls hold: the preset it started from (if any), both configs, the mode and the faults. */
export interface LabSetup {
  preset: string | null;
  initiator: string;
  responder: string;
  mode: Phase1Mode;
  faults: SimFaults;
}

/** One input of the page's workspace (the same shape as the page's own `InputFile`). */
export interface LabFile {
  name: string;
  kind: 'log' | 'config';
  text: string;
  router: string;
}

/** `trace` is IKEv1's or, when the configs negotiate IKEv2 (`ike-version.ts`), IKEv2's (`ikeVersion: 2`). */
export type LabRun =
  | { ok: true; trace: SimTrace | Ikev2SimTrace; style: DebugStyle; files: readonly LabFile[]; debug: Readonly<Record<Side, string>> }
  | { ok: false; error: string };

/** The lab as a preset sets it: its two configs, its mode and its faults. */
export function labSetupOf(presetName: string): LabSetup | null {
  const preset = findLabPreset(presetName);
  if (!preset) return null;
  return {
    preset: preset.name,
    initiator: preset.initiator.config,
    responder: preset.responder.config,
    mode: preset.mode,
    faults: preset.faults,
  };
}

/** A router's own address: the one its peer's config points at, else its first interface address. */
export function addressOf(config: EffectiveConfig, peerConfig: EffectiveConfig): string | null {
  const named = phase2Sources(peerConfig).map(sourcePeer).find((a) => a !== null);
  const own = new Set(config.localAddresses.map((a) => normalizeAddress(a.address)));
  if (named && (own.size === 0 || own.has(normalizeAddress(named)))) return named;
  return config.localAddresses[0]?.address ?? named ?? null;
}

// The config model fills in IOS's default policy, so a text with no crypto line at all is the sign of a wrong paste.
const hasCrypto = (text: string) => /^crypto /m.test(text);

/** IOS 15.x when the preset says so (the seed's routers); IOS-XE otherwise. */
function platformOf(setup: LabSetup): Platform {
  const preset = setup.preset === null ? undefined : findLabPreset(setup.preset);
  return preset?.initiator.platform ?? 'ios-xe';
}

/** Simulates the lab's two routers (the first initiates) and writes what each would print. */
export function runLab(setup: LabSetup): LabRun {
  const configs = { initiator: effectiveConfigFromText(setup.initiator), responder: effectiveConfigFromText(setup.responder) };
  const names = { initiator: configs.initiator.router ?? 'R1', responder: configs.responder.router ?? 'R2' };
  for (const side of ['initiator', 'responder'] as const) {
    if (!hasCrypto(setup[side])) {
      return { ok: false, error: `${names[side]}: no IOS crypto configuration (expected lines such as 'crypto isakmp policy 10')` };
    }
  }
  const addresses = {
    initiator: addressOf(configs.initiator, configs.responder),
    responder: addressOf(configs.responder, configs.initiator),
  };
  if (addresses.initiator === null || addresses.responder === null) {
    return { ok: false, error: "cannot tell the routers' addresses: give each an interface address or name the peer ('set peer', 'tunnel destination')" };
  }
  const platform = platformOf(setup);
  const router = (side: Side, address: string): SimRouter => ({ name: names[side], address, platform, config: configs[side] });
  if (ikeVersionOf(configs.initiator, addresses.responder) === 2) {
    const trace = simulateIkev2({ initiator: router('initiator', addresses.initiator), responder: router('responder', addresses.responder), faults: ikev2FaultFlags(setup.faults) });
    const commands = (side: Side) => IKEV2_DEBUG_COMMANDS.map((c) => `${names[side]}#${c}\n`).join('');
    // an IOS-XE router prints IOS-XE 17's lines; a classic IOS one the 15.x lines
    const v2style = platform === 'ios' ? 'ios-15' : 'iosxe-17';
    const debug = { initiator: `${commands('initiator')}${writeIkev2Debug(trace, 'initiator', v2style)}`, responder: `${commands('responder')}${writeIkev2Debug(trace, 'responder', v2style)}` };
    return { ok: true, trace, style: 'ios-xe', files: labFiles(setup, names, debug), debug };
  }
  const trace = simulate({
    initiator: router('initiator', addresses.initiator),
    responder: router('responder', addresses.responder),
    mode: setup.mode,
    faults: setup.faults,
  });
  const style: DebugStyle = platform === 'ios' ? 'ios-15' : 'ios-xe';
  // As a real paste starts: the prompt and the debug commands, which also name the router for the analysis.
  const printed = (side: Side) => `${names[side]}#debug crypto isakmp\n${names[side]}#debug crypto ipsec\n${writeDebug(trace, side, style)}`;
  const debug = { initiator: printed('initiator'), responder: printed('responder') };
  return { ok: true, trace, style, files: labFiles(setup, names, debug), debug };
}

/** The two logs, then the two configs, as a real paste of both routers would be given. */
function labFiles(setup: LabSetup, names: Record<Side, string>, debug: Record<Side, string>): LabFile[] {
  return [
    { name: `${names.initiator} (simulated).log`, kind: 'log', text: debug.initiator, router: names.initiator },
    { name: `${names.responder} (simulated).log`, kind: 'log', text: debug.responder, router: names.responder },
    { name: `${names.initiator}.config.txt`, kind: 'config', text: setup.initiator, router: names.initiator },
    { name: `${names.responder}.config.txt`, kind: 'config', text: setup.responder, router: names.responder },
  ];
}
