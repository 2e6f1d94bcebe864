/**
 * The inputs of the IOS ISAKMP state machine, as IOS prints them:
 * `Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH` is the event `{ type: 'IKE_MESG_FROM_PEER.IKE_MM_EXCH' }`.
 * One printed input maps to exactly one event type; the few payload fields below carry what the
 * router decided about a message, which IOS shows as the state it lands in, not as a different input.
 */

/** Who raised the input: the peer (a packet), the IPsec subsystem, the ISAKMP process itself, or a timer. */
export type IkeSource = 'IKE_MESG_FROM_PEER' | 'IKE_MESG_FROM_IPSEC' | 'IKE_MESG_INTERNAL' | 'IKE_MESG_FROM_TIMER';

export type IkeEvent =
  // IPsec asks for a phase 1 SA (interesting traffic hit a crypto map, or a tunnel came up).
  | { type: 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM' }
  | { type: 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM' }
  // IOS-XE only: IPsec confirms the SAs are installed, Quick Mode may finish.
  | { type: 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE' }
  | { type: 'IKE_MESG_FROM_PEER.IKE_MM_EXCH' }
  | { type: 'IKE_MESG_FROM_PEER.IKE_AM_EXCH' }
  // `accepted: false`: the responder's checks refused the offer (transform, proxies, PFS); IOS stays in IKE_QM_READY.
  | { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH'; accepted?: boolean }
  | { type: 'IKE_MESG_FROM_PEER.IKE_INFO_NOTIFY' }
  | { type: 'IKE_MESG_FROM_PEER.IKE_INFO_DELETE' }
  | { type: 'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE' }
  | { type: 'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE' }
  | { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_COMPLETE' }
  // `reason` is what IOS prints in `deleting SA reason "..."`.
  | { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL'; reason?: string }
  | { type: 'IKE_MESG_INTERNAL.IKE_INIT_QM' }
  | { type: 'IKE_MESG_INTERNAL.IKE_GOT_SPI' }
  // While a message is unanswered: the retransmission timer. Once phase 1 is up: the SA lifetime.
  | { type: 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED' };

export type IkeEventType = IkeEvent['type'];

/** Every event type, in a stable order (graph traversals and explanations enumerate them). */
export const IKE_EVENT_TYPES = [
  'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM',
  'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM',
  'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE',
  'IKE_MESG_FROM_PEER.IKE_MM_EXCH',
  'IKE_MESG_FROM_PEER.IKE_AM_EXCH',
  'IKE_MESG_FROM_PEER.IKE_QM_EXCH',
  'IKE_MESG_FROM_PEER.IKE_INFO_NOTIFY',
  'IKE_MESG_FROM_PEER.IKE_INFO_DELETE',
  'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE',
  'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE',
  'IKE_MESG_INTERNAL.IKE_PHASE1_COMPLETE',
  'IKE_MESG_INTERNAL.IKE_PHASE1_DEL',
  'IKE_MESG_INTERNAL.IKE_INIT_QM',
  'IKE_MESG_INTERNAL.IKE_GOT_SPI',
  'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED',
] as const satisfies readonly IkeEventType[];

// Compile-time proof that the list above names every member of the union.
type Missing = Exclude<IkeEventType, (typeof IKE_EVENT_TYPES)[number]>;
const everyEventListed: Missing extends never ? true : never = true;
void everyEventListed;

const eventTypes: ReadonlySet<string> = new Set(IKE_EVENT_TYPES);

function isIkeEventType(type: string): type is IkeEventType {
  return eventTypes.has(type);
}

/** The event for a printed `Input = SOURCE, EVENT`, or undefined when the model has no such input. */
export function ikeEvent(source: string, event: string): IkeEvent | undefined {
  const type = `${source}.${event}`;
  return isIkeEventType(type) ? ({ type } as IkeEvent) : undefined;
}

/** The `SOURCE, EVENT` pair IOS prints for an event. */
export function ikeInput(event: IkeEvent | IkeEventType): { source: IkeSource; event: string } {
  const type = typeof event === 'string' ? event : event.type;
  const dot = type.indexOf('.');
  return { source: type.slice(0, dot) as IkeSource, event: type.slice(dot + 1) };
}

/** An input raised by a packet from the peer: the machine receives a message. */
export function isFromPeer(eventType: string): boolean {
  return eventType.startsWith('IKE_MESG_FROM_PEER.');
}

/** `IKE_MESG_FROM_PEER, IKE_MM_EXCH`: the input as the log shows it. */
export function printInput(event: IkeEvent | IkeEventType): string {
  const { source, event: name } = ikeInput(event);
  return `${source}, ${name}`;
}
