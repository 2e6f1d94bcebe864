import type { ReactNode } from 'react';

/** One sample of each mark the ladder draws, beside what it means. Drawn like the ladder draws them. */
const SAMPLES: readonly { name: string; means: string; sample: ReactNode }[] = [
  {
    name: 'Arrow',
    means: 'a message, from the router that sent it to the one it went to; its payloads below it',
    sample: <path d="M4,10H52M52,10l-8,-5v10z" stroke="currentColor" fill="currentColor" strokeWidth={1.5} />,
  },
  {
    name: 'Dashed arrow, ×N',
    means: 'a resend of the message above it: attempt N (×2 is the first retransmission)',
    sample: <path d="M4,10H44" stroke="currentColor" strokeWidth={1.5} strokeDasharray="6 4" />,
  },
  {
    name: '✕ lost',
    means: "the receiver's log is there and shows it never arrived: that router printed later messages of the exchange, not this one",
    sample: (
      <>
        <path d="M4,10H40" stroke="currentColor" strokeWidth={1.5} />
        <path d="M34,4L46,16M34,16L46,4" className="stroke-red-700 dark:stroke-red-400" strokeWidth={2.5} />
      </>
    ),
  },
  {
    name: 'Open head, (unanswered)',
    means: "only the sender's log tells of it: sent again, and the peer sent nothing new after it; whether it arrived, the log does not say",
    sample: (
      <>
        <path d="M4,10H44" stroke="currentColor" strokeWidth={1.5} />
        <path d="M53,10L44,5L44,15Z" fill="none" stroke="currentColor" data-unanswered />
      </>
    ),
  },
  {
    name: '+24 ms',
    means: "beside a router's lane: how long after the message before it that router printed this one, on its own clock (the initiator's on the left, the responder's on the right); shown only when the log has timestamps",
    sample: <text x={4} y={14} fill="currentColor" className="font-mono text-[10px]">+24 ms</text>,
  },
  {
    name: '✕ failed',
    means: 'the negotiation failed at this message: the findings say why and what to change',
    sample: <text x={4} y={15} className="fill-red-700 text-xs font-bold dark:fill-red-400">✕ failed</text>,
  },
  {
    name: '⚠',
    means: 'a state change here that the state machine model does not allow',
    sample: <text x={20} y={16} className="fill-amber-700 text-sm font-bold dark:fill-amber-400">⚠</text>,
  },
  {
    name: 'Badge',
    means: "a router's new IKE state, on its own lifeline, at the step where it changed",
    sample: (
      <>
        <rect x={2} y={2} width={52} height={16} rx={8} className="fill-white stroke-current dark:fill-slate-900" />
        <text x={28} y={14} textAnchor="middle" fill="currentColor" className="font-mono text-[9px]">IKE_I_MM3</text>
      </>
    ),
  },
];

const COLOURS: readonly { className: string; means: string }[] = [
  { className: 'bg-teal-700 dark:bg-teal-300', means: 'teal: the current step (it travels from sender to receiver)' },
  { className: 'bg-slate-800 dark:bg-slate-100', means: 'dark: steps already passed' },
  { className: 'bg-slate-400 dark:bg-slate-500', means: 'grey: steps still to come' },
];

export function Legend() {
  return (
    <dl className="grid grid-cols-[4rem_1fr] items-center gap-x-3 gap-y-2 text-xs">
      {SAMPLES.map((s) => (
        <div key={s.name} className="contents">
          <dt>
            <svg width={56} height={20} viewBox="0 0 56 20" role="img" aria-label={s.name} className="text-slate-800 dark:text-slate-100">
              {s.sample}
            </svg>
          </dt>
          <dd>
            <span className="font-semibold">{s.name}</span>: {s.means}
          </dd>
        </div>
      ))}
      {COLOURS.map((c) => (
        <div key={c.means} className="contents">
          <dt>
            <span aria-hidden="true" className={`inline-block h-1 w-12 rounded ${c.className}`} />
          </dt>
          <dd>{c.means}</dd>
        </div>
      ))}
    </dl>
  );
}
