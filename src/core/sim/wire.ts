/** What the simulated wire knows of a message: its port under NAT-T (what it answers and waits for is in fsm/message-steps.ts). */
import type { ExchangeMessageName } from '../ike/messages.ts';

/** From MM5 on (and for everything under the phase 1 SA) NAT-T floats IKE to UDP 4500. */
export const floated: ReadonlySet<ExchangeMessageName> = new Set(['MM5', 'MM6', 'AM3', 'QM1', 'QM2', 'QM3', 'NOTIFY', 'DELETE']);
