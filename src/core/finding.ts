/** A finding of the diagnosis (DESIGN.md, "Finding codes"): its code, severity, evidence lines, summary and fix. */
import type { LineRef } from './ike/line-ref.ts';
import type { MessageName } from './ike/messages.ts';
import type { Side } from './ike/sides.ts';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'NO_PSK' | 'PSK_MISMATCH' | 'PEER_UNREACHABLE' | 'P1_POLICY_MISMATCH' | 'P1_RETRANSMIT'
  | 'P2_TRANSFORM_MISMATCH' | 'P2_PROXY_MISMATCH' | 'P2_PFS_MISMATCH' | 'P2_REJECTED_BY_PEER'
  | 'SA_DELETED_BY_PEER' | 'INVALID_SPI' | 'NO_SA_FOR_PACKET' | 'NAT_T' | 'WEAK_CRYPTO' | 'LIFETIME_ADJUSTED'
  // IKEv2 only
  | 'CERT_AUTH_FAILED' | 'IDENTITY_MISMATCH' | 'MESSAGE_WINDOW' | 'AUTH_METHOD_MISMATCH';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  lines: LineRef[];
  summary: string;
  fix: string;
  /** The message where it happened: MM1 for a refused policy, MM5 for a key mismatch, QM1 for a refused proposal. */
  message?: MessageName;
  /** The router where the cause is (the one that refused, or that must change). */
  side?: Side;
  /** The config lines to change (or to look at), when configs were given. */
  configLines?: LineRef[];
  /** Lines that read like the cause but are not (red herrings), each with why. */
  explained?: { line: LineRef; text: string }[];
}
