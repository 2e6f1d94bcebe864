/**
 * `simulate [--json] [--style ios-xe|ios-15] (--preset NAME | --config A.cfg --config B.cfg)`:
 * the negotiation two configured routers would have, step by step, and the debug output each would print.
 * A initiates, B responds.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { normalizeAddress } from '../core/config/address.ts';
import { effectiveConfigFromText } from '../core/config/effective.ts';
import type { EffectiveConfig } from '../core/config/model.ts';
import { phase2Sources, sourcePeer } from '../core/config/phase2-sources.ts';
import type { Phase1Mode } from '../core/fsm/machines.ts';
import { writeDebug, type DebugStyle } from '../core/sim/debug-writer.ts';
import { ikeVersionOf } from '../core/sim/ike-version.ts';
import { findIkev2Preset } from '../core/sim/ikev2/presets.ts';
import { ikev2FaultFlags, type Ikev2Faults } from '../core/sim/ikev2/trace.ts';
import { LAB_PRESETS } from '../core/sim/preset-list.ts';
import { findPreset } from '../core/sim/presets.ts';
import { routerOf, scenarioOf } from '../core/sim/preset-scenario.ts';
import type { SimRouter } from '../core/sim/routers.ts';
import { simulate, type SimScenario } from '../core/sim/simulate.ts';
import { EXCHANGE_MESSAGES, type ExchangeMessageName, type Ikev2MessageName } from '../core/ike/messages.ts';
import type { Side } from '../core/ike/sides.ts';
import type { SimFaults, SimStep, SimTrace } from '../core/sim/trace.ts';
import type { Command, CommandIo } from './command.ts';
import { ikev2LossOf, ikev2Report, ikev2StyleOf } from './simulate-ikev2.ts';
import { SIMULATION_SCHEMA, simulationText } from './simulation-schema.ts';

const usage = `Usage: npm run -s cli -- simulate [--json] [--style ios-xe|ios-15] --preset NAME
       npm run -s cli -- simulate [--json] [--style ios-xe|ios-15] [--mode main|aggressive]
                                  [--fault unreachable|nat|lose:SIDE:MSG]... --config A.cfg --config B.cfg
A initiates, B responds; IKEv2 configs (set ikev2-profile, crypto ikev2) simulate IKEv2 (lose:SIDE:IKE_AUTH …),
printed as IOS-XE 17 (--style ios-xe, the default) or IOS 15.x / IOS-XE 16.x (--style ios-15) prints it.
Presets: ${LAB_PRESETS.map((p) => p.name).join(', ')}.
`;

interface Options {
  json: boolean;
  style: DebugStyle | null;
  preset: string | null;
  configs: string[];
  mode: Phase1Mode;
  faults: SimFaults;
  /** `lose:` faults naming IKEv2 messages. */
  ikev2Lose: { from: Side; message: Ikev2MessageName }[];
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { json: false, style: null, preset: null, configs: [], mode: 'main', faults: {}, ikev2Lose: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = () => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      i++;
      return args[i];
    };
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    switch (name) {
      case '--json':
        options.json = true;
        break;
      case '--style': {
        const v = value();
        if (v !== 'ios-xe' && v !== 'ios-15') return `--style takes ios-xe or ios-15, not '${v ?? ''}'`;
        options.style = v;
        break;
      }
      case '--preset': {
        const v = value();
        if (v === undefined) return '--preset needs a name';
        options.preset = v;
        break;
      }
      case '--config': {
        const v = value();
        if (v === undefined) return '--config needs a file';
        options.configs.push(v);
        break;
      }
      case '--mode': {
        const v = value();
        if (v !== 'main' && v !== 'aggressive') return `--mode takes main or aggressive, not '${v ?? ''}'`;
        options.mode = v;
        break;
      }
      case '--fault': {
        const v = value();
        const lost = lossOf(v ?? '');
        const lostV2 = ikev2LossOf(v ?? '');
        if (v === 'unreachable') options.faults = { ...options.faults, unreachable: true };
        else if (v === 'nat') options.faults = { ...options.faults, nat: true };
        else if (lost !== null) options.faults = { ...options.faults, lose: [...(options.faults.lose ?? []), lost] };
        else if (lostV2 !== null) options.ikev2Lose.push(lostV2);
        else return `--fault takes unreachable, nat or lose:initiator|responder:MESSAGE, not '${v ?? ''}'`;
        break;
      }
      default:
        return `unknown option '${arg}'`;
    }
  }
  if ((options.preset === null) === (options.configs.length === 0)) return 'give either --preset NAME or two --config files';
  if (options.preset === null && options.configs.length !== 2) return 'give exactly two --config files: the initiator, then the responder';
  return options;
}

/** `lose:initiator:MM3`: that message is lost once on its way. */
function lossOf(text: string): { from: Side; message: ExchangeMessageName } | null {
  const [kind, from, message] = text.split(':');
  if (kind !== 'lose' || (from !== 'initiator' && from !== 'responder')) return null;
  const name = EXCHANGE_MESSAGES.find((m) => m === message?.toUpperCase());
  return name === undefined ? null : { from, message: name };
}

class InputError extends Error {}

async function readConfig(path: string, io: CommandIo): Promise<{ name: string; config: EffectiveConfig }> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? 'error'})`);
  }
  const config = effectiveConfigFromText(text);
  if (config.policies.length === 0 && config.keys.length === 0 && config.transformSets.length === 0 && !config.ikev2.configured) {
    throw new InputError(`${path}: no IOS crypto configuration found (expected lines such as 'crypto isakmp policy 10')`);
  }
  return { name: config.router ?? basename(path).replace(/\.(?:config\.txt|cfg|conf|txt)$/, ''), config };
}

/** A router's own address: the one its peer's config points at, else its first interface address. */
function addressOf(config: EffectiveConfig, peerConfig: EffectiveConfig): string | null {
  const named = phase2Sources(peerConfig).map(sourcePeer).find((a) => a !== null);
  const own = new Set(config.localAddresses.map((a) => normalizeAddress(a.address)));
  if (named && (own.size === 0 || own.has(normalizeAddress(named)))) return named;
  return config.localAddresses[0]?.address ?? named ?? null;
}

async function scenarioFromConfigs(options: Options, io: CommandIo): Promise<SimScenario> {
  const [a, b] = await Promise.all(options.configs.map((path) => readConfig(path, io)));
  if (!a || !b) throw new InputError('two configs are needed');
  const addressA = addressOf(a.config, b.config);
  const addressB = addressOf(b.config, a.config);
  if (addressA === null || addressB === null) {
    throw new InputError(`cannot tell the routers' addresses: give each an interface address or name the peer ('set peer', 'tunnel destination')`);
  }
  const platform = options.style === 'ios-15' ? 'ios' : 'ios-xe';
  const router = (r: { name: string; config: EffectiveConfig }, address: string): SimRouter => ({ name: r.name, address, platform, config: r.config });
  return { initiator: router(a, addressA), responder: router(b, addressB), mode: options.mode, faults: options.faults };
}

/** The faults as IKEv2 takes them: its own lost messages, the flags shared. */
function ikev2Faults(options: Options): Ikev2Faults {
  return { ...ikev2FaultFlags(options.faults), ...(options.ikev2Lose.length > 0 ? { lose: options.ikev2Lose } : {}) };
}

function describeStep(step: SimStep, trace: SimTrace): string | null {
  const e = step.event;
  const who = step.side === 'initiator' ? trace.initiator.name : trace.responder.name;
  const time = `${String(step.at).padStart(6)} ms  ${who.padEnd(10)}`;
  switch (e.kind) {
    case 'send': {
      const to = step.side === 'initiator' ? trace.responder.name : trace.initiator.name;
      const flags = [e.retransmission ? 'retransmission' : '', e.lost ? 'LOST' : '', e.port === 4500 ? 'UDP 4500' : ''].filter(Boolean);
      return `${time} sends ${e.message} to ${to}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
    }
    case 'input':
      if (e.from === e.to && e.deleteReason === null) return null;
      return `${time} ${e.exchange === 'quickmode' ? 'QM ' : 'P1 '}${e.from} -> ${e.to}${e.deleteReason ? ` (${e.deleteReason})` : ''}`;
    case 'note':
      if (e.note.kind === 'policy-checks' && e.note.choice.chosen === null) return `${time} no phase 1 policy matches`;
      if (e.note.kind === 'phase2-check' && e.note.choice.refusal !== null) return `${time} refuses QM1: ${e.note.choice.refusal}`;
      if (e.note.kind === 'bad-message') return `${time} cannot decrypt the peer's message: the pre-shared keys differ`;
      if (e.note.kind === 'no-psk') return `${time} has no pre-shared key for ${e.note.peer}`;
      if (e.note.kind === 'nat-detected') return `${time} detects NAT between the peers`;
      return null;
    case 'receive':
      return null;
    default:
      return e satisfies never;
  }
}

function report(trace: SimTrace, debug: { initiator: string; responder: string }, title: string | null): string {
  const steps = trace.steps.flatMap((s) => describeStep(s, trace) ?? []);
  return simulationText(title, { initiator: trace.initiator, responder: trace.responder, how: `${trace.mode} mode` }, `phase 1 ${trace.outcome.phase1}, phase 2 ${trace.outcome.phase2}`, steps, debug);
}

export const run: Command = async (args, io) => {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.err(`ikescope simulate: ${options}\n\n${usage}`);
    return 2;
  }
  let scenario: SimScenario;
  let title: string | null = null;
  const v2 = options.preset === null ? undefined : findIkev2Preset(options.preset);
  if (v2 !== undefined) {
    const faults = { ...ikev2FaultFlags(v2.faults), ...ikev2Faults(options) };
    io.out(ikev2Report({ initiator: routerOf(v2.initiator), responder: routerOf(v2.responder), faults }, options.json, v2.name, v2.title, ikev2StyleOf(options.style)));
    return 0;
  }
  if (options.preset !== null) {
    const preset = findPreset(options.preset);
    if (!preset) {
      io.err(`ikescope simulate: no preset '${options.preset}'\n\n${usage}`);
      return 2;
    }
    scenario = scenarioOf(preset);
    title = preset.title;
  } else {
    try {
      scenario = await scenarioFromConfigs(options, io);
    } catch (error) {
      if (error instanceof InputError) {
        io.err(`ikescope simulate: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    if (ikeVersionOf(scenario.initiator.config, scenario.responder.address) === 2) {
      io.out(ikev2Report({ initiator: scenario.initiator, responder: scenario.responder, faults: ikev2Faults(options) }, options.json, null, null, ikev2StyleOf(options.style)));
      return 0;
    }
  }
  const trace = simulate(scenario);
  const style: DebugStyle = options.style ?? (scenario.initiator.platform === 'ios' ? 'ios-15' : 'ios-xe');
  const debug = { initiator: writeDebug(trace, 'initiator', style), responder: writeDebug(trace, 'responder', style) };
  if (options.json) {
    const json = {
      schema: SIMULATION_SCHEMA,
      ikeVersion: 1,
      preset: options.preset,
      initiator: trace.initiator,
      responder: trace.responder,
      mode: trace.mode,
      faults: trace.faults,
      outcome: trace.outcome,
      steps: trace.steps,
      debug,
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.out(report(trace, debug, title));
  }
  return 0;
};
