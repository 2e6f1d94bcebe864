import type { Message, Negotiation } from '../../core/analysis.ts';
import { dhGroupName, messageGuide } from '../../core/ike/message-guide.ts';
import type { Step } from '../playback/timeline.ts';
import { formatTime } from './format.ts';

interface MessageInspectorProps {
  negotiation: Negotiation;
  step: Extract<Step, { kind: 'message' }>;
}

/** The selected message: its payloads and decoded attributes, what it does, and what each side does with it. */
export function MessageInspector({ negotiation, step }: MessageInspectorProps) {
  const { message, exchange } = step;
  const guide = messageGuide(message.name);
  const sender = negotiation.routers[message.from];
  const receiver = negotiation.routers[message.from === 'initiator' ? 'responder' : 'initiator'];
  const phase2 = exchange.phase === 'phase2' ? negotiation.phase2[exchange.index] : undefined;
  return (
    <article aria-label={`Message ${message.name}`} className="space-y-2 p-3 text-xs">
      <header>
        <h3 className="text-sm font-semibold">{guide.title}</h3>
        <p className="text-slate-700 dark:text-slate-300">
          {sender.name} → {receiver.name}
          {message.time !== null && ` · ${formatTime(message.time)}`}
          {message.retransmission && ` · retransmission, attempt ${message.attempt}`}
          {message.saState && ` · ${message.saState}`}
          {message.messageId !== 0 && ` · message ID ${message.messageId}`}
        </p>
      </header>
      <p>{guide.purpose}</p>
      <Attributes message={message} negotiation={negotiation} phase2Index={exchange.phase === 'phase2' ? exchange.index : -1} />
      {message.payloads.length > 0 && (
        <dl className="grid grid-cols-[6rem_1fr] gap-x-2">
          <dt className="font-semibold">Payloads</dt>
          <dd>{message.payloads.map((p) => (p.detail ? `${p.type} (${p.detail})` : p.type)).join(' · ')}</dd>
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

function Attributes({ message, negotiation, phase2Index }: { message: Message; negotiation: Negotiation; phase2Index: number }) {
  const rows: [string, string][] = [];
  const proposal = negotiation.phase1.proposal;
  if ((message.name === 'MM1' || message.name === 'MM2' || message.name === 'AM1' || message.name === 'AM2') && proposal) {
    rows.push(['Encryption', `${proposal.encryption}${proposal.keyLength ? ` ${proposal.keyLength}-bit` : ''}`]);
    rows.push(['Hash', proposal.hash]);
    if (proposal.group !== null) rows.push(['DH group', `${proposal.group}: ${dhGroupName(proposal.group)}`]);
    rows.push(['Authentication', proposal.auth]);
    if (proposal.lifetimeSeconds !== null) rows.push(['Lifetime', `${proposal.lifetimeSeconds} s`]);
  }
  const phase2 = negotiation.phase2[phase2Index];
  if (phase2 && (message.name === 'QM1' || message.name === 'QM2')) {
    if (phase2.transform) rows.push(['Transform', phase2.transform]);
    if (phase2.encapsulation) rows.push(['Encapsulation', phase2.encapsulation]);
    if (phase2.lifetimeSeconds !== null) rows.push(['Lifetime', `${phase2.lifetimeSeconds} s`]);
    if (phase2.lifetimeKb !== null) rows.push(['Lifetime', `${phase2.lifetimeKb} KB`]);
    rows.push(['PFS', phase2.pfsGroup === null ? 'none' : `group ${phase2.pfsGroup}: ${dhGroupName(phase2.pfsGroup)}`]);
    if (phase2.proxies) rows.push(['Proxies', `${phase2.proxies.local} ⇄ ${phase2.proxies.remote}`]);
  }
  if (phase2 && (message.name === 'QM2' || message.name === 'QM3')) {
    for (const sa of phase2.sas) {
      rows.push([
        `SPI ${sa.direction}`,
        `${sa.spi} (${sa.spiDecimal})${sa.lifetimeSeconds !== null ? `, ${sa.lifetimeSeconds} s` : ''}${sa.lifetimeKb !== null ? ` / ${sa.lifetimeKb} KB` : ''}${sa.status ? `, ${sa.status}` : ''}`,
      ]);
    }
  }
  if (rows.length === 0) return null;
  return (
    <dl className="grid grid-cols-[6rem_1fr] gap-x-2 font-mono" aria-label="Decoded attributes">
      {rows.map(([name, value], index) => (
        <div key={index} className="contents">
          <dt className="font-sans font-semibold">{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
