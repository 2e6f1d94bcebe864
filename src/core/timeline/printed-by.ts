import type { LineRef } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { Message, Negotiation } from '../analysis.ts';

/**
 * The lines of a message that one router printed. In a merged negotiation the builder records which router
 * printed which line; in one router's log every line is that router's, and the message's direction says
 * which router that is (sent: its sender; received: the other).
 */
export function linesPrintedBy(negotiation: Negotiation, message: Message, side: Side): readonly LineRef[] {
  if (message.sideLines) return message.sideLines[side];
  return printerOf(negotiation, message) === side ? message.lines : [];
}

/** The router whose log holds a message's lines, when only one router's log has it. */
function printerOf(negotiation: Negotiation, message: Message): Side {
  if (message.dir === 'out') return message.from;
  if (message.dir === 'in') return message.from === 'initiator' ? 'responder' : 'initiator';
  return negotiation.role === 'responder' ? 'responder' : 'initiator';
}
