/**
 * The payloads IKEv1 requires each message to carry (RFC 2409, pre-shared keys; Quick Mode without PFS or
 * IDs, which are optional): what a message carries by the protocol when the log does not list it.
 */
import type { MessageName, PayloadType } from './messages.ts';

const REQUIRED: ReadonlyMap<MessageName, readonly PayloadType[]> = new Map<MessageName, readonly PayloadType[]>([
  ['MM1', ['SA']],
  ['MM2', ['SA']],
  ['MM3', ['KE', 'NONCE']],
  ['MM4', ['KE', 'NONCE']],
  ['MM5', ['ID', 'HASH']],
  ['MM6', ['ID', 'HASH']],
  ['AM1', ['SA', 'KE', 'NONCE', 'ID']],
  ['AM2', ['SA', 'KE', 'NONCE', 'ID', 'HASH']],
  ['AM3', ['HASH']],
  // the mode not shown: what both modes' messages carry
  ['MM1/AM1', ['SA']],
  ['MM2/AM2', ['SA']],
  ['QM1', ['HASH', 'SA', 'NONCE']],
  ['QM2', ['HASH', 'SA', 'NONCE']],
  ['QM3', ['HASH']],
]);

/** In the order the protocol lists them; none for informational messages. */
export function requiredPayloads(name: MessageName): readonly PayloadType[] {
  return REQUIRED.get(name) ?? [];
}
