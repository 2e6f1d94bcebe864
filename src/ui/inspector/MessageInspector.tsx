import type { Message, Negotiation } from '../../core/analysis.ts';
import { messageGuideIn } from '../../core/ike/message-guide.ts';
import type { Step, Timeline } from '../../core/timeline/timeline.ts';
import type { MessageTiming } from '../../core/clock/deltas.ts';
import { SIDES } from '../../core/ike/sides.ts';
import { formatTime, messageLabel } from './format.ts';
import { timingSentences } from './timing-text.ts';
import { MessageActions } from './MessageActions.tsx';
import type { SourceText } from './message-copy.ts';
import { attributeRows } from './attributes.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';

interface MessageInspectorProps {
  negotiation: Negotiation;
  step: Extract<Step, { kind: 'message' }>;
  /** The timeline the step is in, and what the timestamps say of each of its messages. */
  timeline: Timeline | null;
  timings: readonly MessageTiming[] | undefined;
  /** The input files, to copy the message's lines from, and a link to this message. */
  sources: readonly SourceText[];
  link: string;
  /** The attribute whose config lines are highlighted, if one was chosen. */
  attribute: ConfigAttribute | null;
  onSelectAttribute: (attribute: ConfigAttribute | null) => void;
}

/** The selected message: its payloads and decoded attributes, what it does, and what each side does with it. */
export function MessageInspector({ negotiation, step, timeline, timings, sources, link, attribute, onSelectAttribute }: MessageInspectorProps) {
  const { message, exchange } = step;
  const index = timeline ? timeline.messageSteps.findIndex((s) => timeline.steps[s] === step) : -1;
  const timing = index >= 0 ? timings?.[index] : undefined;
  const nameOf = (i: number) => {
    const other = timeline?.steps[timeline.messageSteps[i] ?? -1];
    return other?.kind === 'message' ? messageLabel(other.message) : '';
  };
  const said = timingSentences(negotiation, timing, nameOf);
  // Each router's time on its own clock when the log has them; the message's first time otherwise.
  const times = SIDES.flatMap((side) => {
    const at = timing?.at[side];
    return at === null || at === undefined ? [] : [`${negotiation.routers[side].name || negotiation.routers[side].address} ${formatTime(at)}`];
  });
  const guide = messageGuideIn(message, negotiation);
  const sender = negotiation.routers[message.from];
  const receiver = negotiation.routers[message.from === 'initiator' ? 'responder' : 'initiator'];
  const phase2 = exchange.phase === 'phase2' ? negotiation.phase2[exchange.index] : undefined;
  return (
    <article aria-label={`Message ${message.name}`} className="space-y-2 p-3 text-xs">
      <header>
        <h3 className="text-sm font-semibold">{guide.title}</h3>
        <p className="text-slate-700 dark:text-slate-300">
          {sender.name} → {receiver.name}
          {times.length > 0 ? ` · ${times.join(', ')}` : message.time !== null && ` · ${formatTime(message.time)}`}
          {message.retransmission && ` · retransmission, attempt ${message.attempt}`}
          {message.saState && ` · ${message.saState}`}
          {message.messageId !== 0 && ` · message ID ${message.messageId}`}
        </p>
        {said.length > 0 && (
          <p data-testid="inspector.timing" className="text-slate-700 dark:text-slate-300">
            {said.join(' · ')}
          </p>
        )}
        <MessageActions negotiation={negotiation} message={message} sources={sources} link={link} />
      </header>
      <p>{guide.purpose}</p>
      <Attributes
        message={message}
        negotiation={negotiation}
        phase2Index={exchange.phase === 'phase2' ? exchange.index : -1}
        selected={attribute}
        onSelect={onSelectAttribute}
      />
      {message.payloads.length > 0 && (
        <dl className="grid grid-cols-[6rem_1fr] gap-x-2">
          <dt className="font-semibold">Payloads</dt>
          <dd>{message.payloads.map((p) => (p.implied ? `${p.type} (implied: not in the log)` : p.detail ? `${p.type} (${p.detail})` : p.type)).join(' · ')}</dd>
        </dl>
      )}
      <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1">
        <dt className="font-semibold">Carries</dt>
        <dd>{guide.carries}</dd>
        <dt className="font-semibold">{sender.name} sends</dt>
        <dd>{guide.sender}</dd>
        <dt className="font-semibold">{receiver.name} checks</dt>
        <dd>{guide.receiver}</dd>
      </dl>
      {phase2?.verification && (
        <p className={phase2.verification.up ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-800 dark:text-amber-300'}>
          show crypto ipsec sa: {phase2.verification.up ? 'both SPIs ACTIVE, packets flow both ways' : 'SAs not verified up'}
          {phase2.verification.packetsOut !== null && ` (${phase2.verification.packetsOut} out, ${phase2.verification.packetsIn ?? 0} in)`}
        </p>
      )}
    </article>
  );
}

interface AttributesProps {
  message: Message;
  negotiation: Negotiation;
  phase2Index: number;
  selected: ConfigAttribute | null;
  onSelect: (attribute: ConfigAttribute | null) => void;
}

/** The decoded attributes; choosing one highlights the config lines it comes from. */
function Attributes({ message, negotiation, phase2Index, selected, onSelect }: AttributesProps) {
  const rows = attributeRows(message, negotiation, phase2Index);
  if (rows.length === 0) return null;
  return (
    <dl className="grid grid-cols-[6rem_1fr] gap-x-2 font-mono" aria-label="Decoded attributes">
      {rows.map((row, index) => (
        <div key={index} className="contents">
          <dt className="font-sans font-semibold">{row.name}</dt>
          <dd>
            {row.attribute ? (
              <button
                type="button"
                aria-pressed={selected === row.attribute}
                title="Highlight the config lines this comes from"
                onClick={() => onSelect(selected === row.attribute ? null : row.attribute)}
                className={`inline-flex min-h-6 items-center rounded px-0.5 text-left underline decoration-dotted underline-offset-2 ${selected === row.attribute ? 'bg-yellow-200/70 dark:bg-yellow-700/40' : ''}`}
              >
                {row.value}
              </button>
            ) : (
              row.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
