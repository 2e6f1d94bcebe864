/** Which machine models which side of which exchange. */
import type { Side } from '../ike/sides.ts';
import { aggressiveModeInitiator } from './aggressive-mode-initiator.ts';
import { aggressiveModeResponder } from './aggressive-mode-responder.ts';
import { mainModeInitiator } from './main-mode-initiator.ts';
import { mainModeResponder } from './main-mode-responder.ts';
import { quickModeInitiator } from './quick-mode-initiator.ts';
import { quickModeResponder } from './quick-mode-responder.ts';

export type Exchange = 'phase1' | 'quickmode';
export type Phase1Mode = 'main' | 'aggressive';

export type IkeMachine =
  | typeof mainModeInitiator
  | typeof mainModeResponder
  | typeof aggressiveModeInitiator
  | typeof aggressiveModeResponder
  | typeof quickModeInitiator
  | typeof quickModeResponder;

export function machineFor(role: Side, exchange: Exchange, mode: Phase1Mode = 'main'): IkeMachine {
  if (exchange === 'quickmode') return role === 'initiator' ? quickModeInitiator : quickModeResponder;
  if (mode === 'aggressive') return role === 'initiator' ? aggressiveModeInitiator : aggressiveModeResponder;
  return role === 'initiator' ? mainModeInitiator : mainModeResponder;
}

/** Every machine with a name, for tests and the page's state view. */
export const ALL_MACHINES = {
  mainModeInitiator,
  mainModeResponder,
  aggressiveModeInitiator,
  aggressiveModeResponder,
  quickModeInitiator,
  quickModeResponder,
} as const;
