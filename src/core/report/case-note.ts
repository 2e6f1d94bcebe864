import type { Finding, Message, Negotiation, Phase2, Router, Transition } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { SIDES, otherSide, type Side } from '../ike/sides.ts';
import { messageGuide, messageGuideIn, type MessageGuide } from '../ike/message-guide.ts';
import { summarizePayloads } from '../ladder/layout.ts';
import { buildTimeline, type Exchange, type Timeline } from '../timeline/timeline.ts';
import { linesPrintedBy } from '../timeline/printed-by.ts';
import { stepOfFinding } from '../timeline/finding-step.ts';
import { negotiationOutcome } from '../summary/summary.ts';
import type { ConfigAttribute } from '../config/relations.ts';
import type { ReportSource } from './report-source.ts';
import type { ShownLine, SourceLines } from './source-lines.ts';
import { exchangeLines, negotiationTitle, phase2Name, phase2Short, routerName, statePath, verificationText, viewOf } from './case-facts.ts';

/**
 * One negotiation told as a TAC document tells it, the same for every report format: each message in the order
 * of the core timeline with its debug lines (each router's apart), what it includes, the state changes that
 * followed it and the configuration it depends on; then the findings with their evidence and the configs.
 */
export interface CaseNote {
  negotiation: Negotiation;
  timeline: Timeline;
  title: string;
  view: string;
  outcome: string;
  exchanges: string[];
  /** Each router's states through each exchange: "R2 (initiator), phase 1: IKE_READY → …". */
  states: { who: string; path: string }[];
  /** State changes the log shows before any message. */
  statesBefore: Transition[];
  messages: CaseMessage[];
  findings: CaseFinding[];
  /** Per phase 2 that `show crypto ipsec sa` output verified: what it says, and its lines. */
  verifications: { messageId: number; text: string; lines: ShownLine[] }[];
}

export interface CaseMessage {
  /** 1 for the first message of the ladder. */
  number: number;
  /** Index into `timeline.steps`. */
  step: number;
  message: Message;
  exchange: string;
  /** "MM5", with its marks: "resent #3", "lost", "unanswered". */
  marks: string[];
  from: Router;
  to: Router;
  guide: MessageGuide | null;
  /** "SA · VID×4", "(SA)" for a payload only the protocol implies; empty when none is known. */
  payloads: string;
  statesAfter: Transition[];
  /** Error findings that name this message: the negotiation failed here. */
  failures: Finding[];
  /** Each router's lines of it, the sender's first. */
  printed: { side: Side; router: string; lines: ShownLine[] }[];
  /** Per config file, the lines it depends on and the IOS defaults the file leaves unsaid that decide a value of it. */
  config: { file: number; name: string; lines: ShownLine[]; defaults: { text: string; why: string }[] }[];
}

export interface CaseFinding {
  finding: Finding;
  evidence: ShownLine[];
  configLines: ShownLine[];
  explained: { line: ShownLine; text: string }[];
}

export function exchangeName(n: Negotiation, exchange: Exchange): string {
  switch (exchange.phase) {
    case 'phase1':
      return n.ikeVersion === 2 ? 'IKE SA' : 'Phase 1';
    case 'phase2':
      return phase2Name(n.phase2[exchange.index]?.messageId ?? 0);
    case 'informational':
      return 'Informational';
    default:
      return String((exchange as { phase: unknown }).phase);
  }
}

/** "resent #3", "lost", "unanswered": what the ladder marks on an arrow. */
export function messageMarks(m: Message): string[] {
  const marks: string[] = [];
  if (m.retransmission) marks.push(`resent #${m.attempt}`);
  if (m.delivery) marks.push(m.delivery);
  return marks;
}

/** The show output lines that verified a phase 2: its counters and its SAs' status lines. */
function verificationLines(p: Phase2): LineRef[] {
  if (!p.verification) return [];
  const lines = [...p.verification.lines];
  for (const sa of p.sas) if (sa.statusLine) lines.push(sa.statusLine);
  return lines;
}

/** A negotiation's messages as the timeline has them: IKEv1's phases, or IKEv2's IKE SA exchanges. */
export function timelineMessages(n: Negotiation): Message[] {
  const timeline = buildTimeline(n);
  return timeline.messageSteps.map((i) => (timeline.steps[i] as { message: Message }).message);
}

/** Every line a case note of these negotiations shows, to read them from the texts in one pass. */
export function caseLines(source: ReportSource): LineRef[] {
  const refs: LineRef[] = [];
  const push = (lines: readonly LineRef[] | undefined) => {
    if (lines) for (const line of lines) refs.push(line);
  };
  for (const n of source.negotiations) {
    for (const m of timelineMessages(n)) {
      push(m.lines);
      push(m.config);
    }
    for (const p of n.phase2) push(verificationLines(p));
    for (const f of n.findings) {
      push(f.lines);
      push(f.configLines);
      push(f.explained?.map((e) => e.line));
    }
  }
  for (const e of source.events ?? []) push(e.lines);
  source.input.files.forEach((file, index) => {
    if (file.kind !== 'config') return;
    for (let line = 1; line <= file.lines; line += 1) refs.push({ file: index, line });
  });
  return refs;
}

function defaultsOf(source: ReportSource, m: Message): { file: number; text: string; why: string }[] {
  const out: { file: number; text: string; why: string }[] = [];
  const byAttribute = m.configDefaultsByAttribute ?? {};
  for (const attribute of Object.keys(byAttribute) as ConfigAttribute[]) {
    for (const { file, block } of byAttribute[attribute] ?? []) {
      const implicit = source.configDefaults.find((c) => c.file === file)?.implicit ?? [];
      for (const line of implicit) {
        if (line.block === block && line.attribute === attribute) out.push({ file, text: line.text, why: line.why });
      }
    }
  }
  return out;
}

function configOf(source: ReportSource, m: Message, lines: SourceLines): CaseMessage['config'] {
  const shown = lines.shownAll(m.config ?? []);
  const defaults = defaultsOf(source, m);
  const files = [...new Set([...shown.map((l) => l.file), ...defaults.map((d) => d.file)])].sort((a, b) => a - b);
  return files.map((file) => ({
    file,
    name: lines.fileName(file),
    lines: shown.filter((l) => l.file === file),
    defaults: defaults.filter((d) => d.file === file).map(({ text, why }) => ({ text, why })),
  }));
}

function statesOf(n: Negotiation): CaseNote['states'] {
  const exchanges: { name: string; transitions: readonly Transition[] }[] = [
    n.ikeSa ? { name: 'IKE SA', transitions: n.ikeSa.transitions } : { name: 'phase 1', transitions: n.phase1.transitions },
    ...n.phase2.map((p) => ({ name: phase2Short(p.messageId), transitions: p.transitions })),
  ];
  const out: CaseNote['states'] = [];
  for (const { name, transitions } of exchanges) {
    for (const side of SIDES) {
      const path = statePath(transitions, side);
      if (path) out.push({ who: `${routerName(n.routers[side])} (${side}), ${name}`, path });
    }
  }
  return out;
}

export function caseNote(source: ReportSource, n: Negotiation, lines: SourceLines): CaseNote {
  const timeline = buildTimeline(n);
  const failuresAt = new Map<number, Finding[]>();
  for (const f of n.findings) {
    if (f.severity !== 'error' || !f.message) continue;
    const step = stepOfFinding(timeline, f);
    if (step !== null) failuresAt.set(step, [...(failuresAt.get(step) ?? []), f]);
  }
  const statesBefore: Transition[] = [];
  const messages: CaseMessage[] = [];
  timeline.steps.forEach((step, index) => {
    if (step.kind === 'transition') {
      if (step.transition.from === step.transition.to) return;
      const last = messages[messages.length - 1];
      (last ? last.statesAfter : statesBefore).push(step.transition);
      return;
    }
    const m = step.message;
    const printed = [m.from, otherSide(m.from)].flatMap((side) => {
      const mine = linesPrintedBy(n, m, side);
      return mine.length > 0 ? [{ side, router: routerName(n.routers[side]), lines: lines.shownAll(mine) }] : [];
    });
    messages.push({
      number: messages.length + 1,
      step: index,
      message: m,
      exchange: exchangeName(n, step.exchange),
      marks: messageMarks(m),
      from: n.routers[m.from],
      to: n.routers[otherSide(m.from)],
      // what this message did, as the inspector says it (an IKEv2 response that refused its child SA says so)
      guide: (messageGuide(m.name) as MessageGuide | undefined) === undefined ? null : messageGuideIn(m, n),
      payloads: summarizePayloads(m),
      statesAfter: [],
      failures: failuresAt.get(index) ?? [],
      printed,
      config: configOf(source, m, lines),
    });
  });
  return {
    negotiation: n,
    timeline,
    title: negotiationTitle(n),
    view: viewOf(n),
    outcome: negotiationOutcome(n),
    exchanges: exchangeLines(n),
    states: statesOf(n),
    statesBefore,
    messages,
    findings: n.findings.map((finding) => ({
      finding,
      evidence: lines.shownAll(finding.lines),
      configLines: lines.shownAll(finding.configLines ?? []),
      explained: (finding.explained ?? []).map((e) => ({ line: lines.shown(e.line), text: e.text })),
    })),
    verifications: n.phase2.flatMap((p) => {
      const text = verificationText(p);
      return text === null ? [] : [{ messageId: p.messageId, text, lines: lines.shownAll(verificationLines(p)) }];
    }),
  };
}
