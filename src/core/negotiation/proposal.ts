import type { IkeEvent } from '../log/events.ts';

/** A phase 1 proposal as the log shows it, attribute by attribute, as printed (null where not printed). */
export interface ObservedProposal {
  encryption: string | null;
  keyLength: number | null;
  hash: string | null;
  group: number | null;
  auth: string | null;
  lifetimeSeconds: number | null;
}

export function emptyProposal(): ObservedProposal {
  return { encryption: null, keyLength: null, hash: null, group: null, auth: null, lifetimeSeconds: null };
}

/** Records one printed attribute (`encryption AES-CBC`, `keylength of 256`, `life duration (VPI) ...`). */
export function applyProposalAttribute(p: ObservedProposal, e: Extract<IkeEvent, { type: 'p1-attr' }>): void {
  switch (e.attr) {
    case 'encryption':
      p.encryption = e.value;
      break;
    case 'keyLength':
      p.keyLength = e.number;
      break;
    case 'hash':
      p.hash = e.value;
      break;
    case 'group':
      p.group = e.number;
      break;
    case 'auth':
      p.auth = e.value;
      break;
    case 'lifeDuration':
      p.lifetimeSeconds = e.number;
      break;
    default:
      break;
  }
}
