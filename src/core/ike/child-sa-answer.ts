import { isErrorNotify } from './ikev2.ts';

/** What the decision reads of a message and of a child SA (the analysis' Message and ChildSa have them). */
export interface AnsweringMessage {
  name: string;
  messageId: number;
  payloads: readonly { type: string; detail: string | null }[];
}
export interface AnsweredChildSa {
  messageId: number | null;
  outcome: string;
  refusal: string | null;
}

/**
 * What an IKEv2 message shows of the child SA its exchange negotiates: the request proposes it; a response
 * carries it (SA, TSi, TSr) only where the child SA was made, refuses it with an error notify, or, read without
 * an SA payload and without a decoded notify, shows nothing of it. The inspector's attributes and its guide
 * text both say what this decides.
 */
export type ChildSaAnswer =
  | { kind: 'proposed' }
  | { kind: 'carried' }
  | { kind: 'refused'; notify: string }
  | { kind: 'not-carried' };

export function childSaAnswer(message: Omit<AnsweringMessage, 'messageId'>, child: Omit<AnsweredChildSa, 'messageId'> | null): ChildSaAnswer {
  if (!message.name.endsWith('.response')) return { kind: 'proposed' };
  // the response's own error notify (AUTHENTICATION_FAILED refuses the IKE SA and its child SA with it), else the
  // child SA's refusal as the log tells it
  const notify = message.payloads.find((p) => p.type === 'NOTIFY' && p.detail !== null && isErrorNotify(p.detail))?.detail ?? child?.refusal ?? null;
  if (notify !== null) return { kind: 'refused', notify };
  return child?.outcome === 'complete' ? { kind: 'carried' } : { kind: 'not-carried' };
}

/** The answer of a message of a negotiation: its child SA is the one of its exchange's message ID. */
export function childSaAnswerIn(message: AnsweringMessage, negotiation: { childSas?: readonly AnsweredChildSa[] | undefined }): ChildSaAnswer {
  return childSaAnswer(message, childSaOf(message, negotiation));
}

export function childSaOf<Child extends AnsweredChildSa>(message: { messageId: number }, negotiation: { childSas?: readonly Child[] | undefined }): Child | null {
  return negotiation.childSas?.find((c) => c.messageId === message.messageId) ?? null;
}
