/**
 * The one `setup()` the IKEv2 machines are built from. Their states are the IOS SM Trace states; an event is
 * the SM Trace event that IOS printed last in a state before the next line named another: the step that moved
 * it (`I_WAIT_INIT … Event: EV_RECV_INIT`, then `CurState: I_PROC_INIT`). The steps IOS takes inside a state
 * (EV_GEN_DH_KEY, EV_NO_EVENT, …) change nothing here. `send` marks where a message goes on the wire, `receive`
 * where one comes off it.
 */
import { assign, setup } from 'xstate';
import type { Ikev2MessageName } from '../../ike/messages.ts';

export interface Ikev2Event {
  /** `EV_RECV_INIT`, `EV_CHK4_ROLE`, … as printed. */
  type: string;
}

/**
 * IOS names the state after a failed exchange as after a good one (INIT_DONE, AUTH_DONE): `failed` tells them
 * apart, so that only a good one goes on.
 */
export interface Ikev2Context {
  failed: boolean;
}

export const ikev2Setup = setup({
  types: {
    context: {} as Ikev2Context,
    events: {} as Ikev2Event,
  },
  actions: {
    send: (_, _params: { message: Ikev2MessageName }) => {},
    receive: (_, _params: { message: Ikev2MessageName }) => {},
    fail: assign({ failed: true }),
  },
  guards: {
    succeeded: ({ context }) => !context.failed,
  },
});

/** The action of a transition that puts `message` on the wire. */
export function sends(message: Ikev2MessageName) {
  return [{ type: 'send', params: { message } }] as const;
}

/** The action of a transition that takes `message` off the wire: the step a received packet makes. */
export function receives(message: Ikev2MessageName) {
  return [{ type: 'receive', params: { message } }] as const;
}
