/** A preset as the simulation takes it: each router's config text read by the config model. */
import { effectiveConfigFromText } from '../config/effective.ts';
import type { PresetRouter, SimPreset } from './presets.ts';
import type { SimRouter } from './routers.ts';
import type { SimScenario } from './simulate.ts';

export function routerOf(r: PresetRouter): SimRouter {
  return { name: r.name, address: r.address, platform: r.platform, config: effectiveConfigFromText(r.config) };
}

export function scenarioOf(preset: SimPreset): SimScenario {
  return { initiator: routerOf(preset.initiator), responder: routerOf(preset.responder), mode: preset.mode, faults: preset.faults };
}
