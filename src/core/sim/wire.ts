/** What the simulated wire knows of a message: what it answers, whether it waits for a reply, its port under NAT-T. */
import type { ExchangeMessageName } from '../ike/messages.ts';

/** Which message a reply answers: a duplicate of it makes IOS resend the reply. */
export const answers: Partial<Record<ExchangeMessageName, ExchangeMessageName>> = {
  MM2: 'MM1',
  MM3: 'MM2',
  MM4: 'MM3',
  MM5: 'MM4',
  MM6: 'MM5',
  AM2: 'AM1',
  AM3: 'AM2',
  QM2: 'QM1',
  QM3: 'QM2',
};

/** Messages that wait for a reply, so a timer retransmits them. */
export const awaitsReply: ReadonlySet<ExchangeMessageName> = new Set(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'AM1', 'AM2', 'QM1', 'QM2']);

/** From MM5 on (and for everything under the phase 1 SA) NAT-T floats IKE to UDP 4500. */
export const floated: ReadonlySet<ExchangeMessageName> = new Set(['MM5', 'MM6', 'AM3', 'QM1', 'QM2', 'QM3', 'NOTIFY', 'DELETE']);
