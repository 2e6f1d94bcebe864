/**
 * Access list entries (ACEs) as crypto maps use them: `[seq] permit|deny PROTO SRC DST`, operands `any`,
 * `host A`, `A WILDCARD` or `P/len`; ports are skipped, they do not change the proxy identities' addresses.
 */
import { parseAddressMatch, type AddressMatch } from './address.ts';
import type { AclEntry } from './statements.ts';

function int(token: string | undefined): number | null {
  return token !== undefined && /^\d{1,10}$/.test(token) ? Number(token) : null;
}

/** One operand of an ACE: `any`, `host A`, `A WILDCARD`, `P/len`; ports after it are skipped. */
function aclOperand(t: readonly string[], i: number, family: 4 | 6): { match: AddressMatch | null; next: number } | null {
  const first = t[i];
  if (first === undefined) return null;
  let result: { match: AddressMatch | null; next: number } | null = null;
  if (first === 'any') result = { match: parseAddressMatch(family === 4 ? '0.0.0.0/0' : '::/0'), next: i + 1 };
  else if (first === 'any4') result = { match: parseAddressMatch('0.0.0.0/0'), next: i + 1 };
  else if (first === 'any6') result = { match: parseAddressMatch('::/0'), next: i + 1 };
  else if (first === 'host' && t[i + 1] !== undefined) result = { match: parseAddressMatch(t[i + 1] ?? ''), next: i + 2 };
  else if (first.includes('/')) result = { match: parseAddressMatch(first), next: i + 1 };
  else if (t[i + 1] !== undefined) {
    const match = parseAddressMatch(first, t[i + 1], true);
    if (match) result = { match, next: i + 2 };
  }
  if (!result || result.match === null) return null;
  let next = result.next;
  const op = t[next];
  if (op === 'eq' || op === 'gt' || op === 'lt' || op === 'neq') next += 2;
  else if (op === 'range') next += 3;
  return { match: result.match, next };
}

/** `[seq] permit|deny PROTO SRC DST ...` (or a standard ACE `permit SRC [WILDCARD]`). */
export function parseAce(t: readonly string[], family: 4 | 6 = 4): AclEntry | null {
  let i = int(t[0]) !== null ? 1 : 0;
  const action = t[i];
  if (action !== 'permit' && action !== 'deny') return null;
  i++;
  const protocol = t[i];
  if (protocol === undefined) return null;
  const proto = aclOperand(t, i, family);
  const looksLikeAddress = proto !== null && (protocol === 'any' || protocol === 'host' || protocol.includes('.') || protocol.includes('/'));
  if (looksLikeAddress) {
    // Standard ACL: only a source.
    return { action, protocol: 'ip', source: proto.match, destination: parseAddressMatch(family === 4 ? '0.0.0.0/0' : '::/0') };
  }
  const source = aclOperand(t, i + 1, family);
  if (!source) return null;
  const destination = aclOperand(t, source.next, family);
  if (!destination) return null;
  return { action, protocol, source: source.match, destination: destination.match };
}

