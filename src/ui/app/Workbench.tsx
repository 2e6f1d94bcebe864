import type { LineRef } from '../../core/ike/line-ref.ts';
import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { useSelectedNegotiation } from './use-selected-negotiation.ts';
import { Region } from './Region.tsx';
import { configsOf, logsOf, type Workspace } from './workspace.ts';
import { usePlayback } from './use-playback.ts';
import { useAttributeSelection } from '../inspector/use-attribute-selection.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { messageStepAt } from '../playback/cursor.ts';
import { indexLineSteps, stepOfLine } from '../playback/line-steps.ts';
import { LogPane } from '../log-pane/LogPane.tsx';
import { lineInfoFor, noLineInfo } from '../log-pane/line-info.ts';
import { disallowedLines } from '../log-pane/disallowed-lines.ts';
import { ConfigPanes } from '../config-pane/ConfigPanes.tsx';
import { NegotiationList } from '../negotiations/NegotiationList.tsx';
import { ListFilterBar } from '../negotiations/ListFilterBar.tsx';
import { filterNegotiations, type ListFilter } from '../negotiations/list-filter.ts';
import { StatePanel } from '../machines/StatePanel.tsx';
import { FindingsPanel } from '../findings/FindingsPanel.tsx';
import { useFindingSelection } from '../findings/use-finding-selection.ts';
import { failedSteps, firstFailedStep } from '../findings/failed-steps.ts';
import { MessageInspector } from '../inspector/MessageInspector.tsx';
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { LadderView } from './LadderView.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { LazyPrintView } from '../print/LazyPrintView.tsx';
import { NO_NEGOTIATION } from '../load/InputAnswerNotice.tsx';
import { linkFor, listFilterFor, writeDeepLink } from './deep-link.ts';
import { useQuiz } from '../quiz/use-quiz.ts';
import { QuizStart } from '../quiz/QuizStart.tsx';
// the quiz's questions are drawn only once one is started: their code loads then
// the summary of a headend log is drawn only when asked for
const SummaryView = lazy(() => import('../negotiations/SummaryView.tsx').then((m) => ({ default: m.SummaryView })));
const QuizPanel = lazy(() => import('../quiz/QuizPanel.tsx').then((m) => ({ default: m.QuizPanel })));
import { messageTimings } from '../../core/clock/deltas.ts';
import { lineClockOf } from '../../core/clock/printed-at.ts';

interface WorkbenchProps {
  workspace: Workspace;
  /** Null while the worker is still analysing: the texts are shown already. */
  analysis: PageAnalysis | null;
  fetchNegotiation: (index: number) => Promise<Negotiation | null>;
}

/** A region's word when the input has no negotiation: the page-level note says why. */
const Empty = () => <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{NO_NEGOTIATION}</p>;

const noSteps: ReadonlySet<number> = new Set();

const linesIn = (refs: readonly LineRef[] | undefined, file: number) =>
  new Set((refs ?? []).filter((r) => r.file === file).map((r) => r.line));

/** Every view of one loaded input, kept in sync by one playback cursor over the chosen negotiation. */
function WorkbenchView({ workspace, analysis, fetchNegotiation }: WorkbenchProps) {
  const logs = logsOf(workspace);
  const configs = configsOf(workspace);
  const [negotiationIndex, setNegotiationIndex] = useState(() => linkFor(workspace.id).negotiation);
  // The negotiations list's filter, kept in the link; the summary of the whole log chooses one too.
  const [listFilter, setListFilter] = useState(() => listFilterFor(workspace.id));
  const [summaryOpen, setSummaryOpen] = useState(false);
  const rows = useMemo(() => (analysis ? filterNegotiations(analysis.negotiations, listFilter) : []), [analysis, listFilter]);
  const many = (analysis?.negotiations.length ?? 0) > 1;
  const changeListFilter = (filter: ListFilter) => {
    setListFilter(filter);
    setSummaryOpen(false);
    window.history.replaceState(null, '', writeDeepLink(linkFor(workspace.id), window.location.hash, filter));
  };
  // The analysis is complete and found none: each view says so rather than stay blank.
  const nothingToDraw = analysis !== null && !analysis.partial && analysis.negotiations.length === 0;
  const negotiation = useSelectedNegotiation(analysis, negotiationIndex, fetchNegotiation);
  const timeline = useMemo(() => (negotiation ? buildTimeline(negotiation) : null), [negotiation]);
  const failed = useMemo(() => (negotiation && timeline ? failedSteps(negotiation, timeline) : noSteps), [negotiation, timeline]);
  // A failed negotiation opens at its failing message: that is what the engineer came to see.
  const playback = usePlayback(timeline, workspace.id, negotiationIndex, firstFailedStep(failed));
  const [activeLog, setActiveLog] = useState(0);
  const finding = useFindingSelection(timeline, (cursor) => playback.send({ type: 'SEEK', cursor }), (file) => {
    if (file < logs.length) setActiveLog(file);
  });
  // While a quiz runs, the views show the negotiation only as far as the learner has got.
  const quiz = useQuiz(negotiation, timeline, workspace);
  const shown = quiz.timeline ?? timeline;
  const cursor = quiz.cursor ?? playback.cursor;

  // Time deltas from the log's timestamps, of what is shown (a quiz's timeline tells nothing ahead of it).
  const timings = useMemo(
    () => (analysis && negotiation && shown ? messageTimings(negotiation, shown, lineClockOf(analysis.lineTables, analysis.records)) : undefined),
    [analysis, negotiation, shown],
  );

  const selectedStep = shown ? messageStepAt(shown, cursor) : null;
  const fileNames = useMemo(() => analysis?.input.files.map((f) => f.name) ?? [], [analysis]);
  // The files as the analysis numbers them (logs, then configs), to copy a message's lines from.
  const sources = useMemo(
    () => [...logsOf(workspace), ...configsOf(workspace)].map((f) => ({ name: f.name, pieces: f.pieces ?? [f.text] })),
    [workspace],
  );
  const messageLink = `${window.location.origin}${window.location.pathname}${writeDeepLink({ workspace: workspace.id, negotiation: negotiationIndex, step: selectedStep ?? -1 })}`;
  const step = selectedStep !== null ? shown?.steps[selectedStep] : undefined;
  const message = step?.kind === 'message' ? step : undefined;
  const focusLines = finding.lines ?? message?.message.lines;
  const attribute = useAttributeSelection(message?.message);
  const configLines = attribute.configLines;
  const marks = useMemo(
    () => ({
      info: analysis && !quiz.active ? lineInfoFor(analysis, activeLog) : noLineInfo,
      selected: linesIn(focusLines, activeLog),
      disallowed: disallowedLines(negotiation, activeLog),
    }),
    [analysis, activeLog, focusLines, quiz.active, negotiation],
  );
  const firstFocused = [...marks.selected].sort((a, b) => a - b)[0] ?? null;

  const selectStep = (index: number) => {
    finding.clear();
    playback.send({ type: 'SEEK', cursor: index });
    const first = timeline?.steps[index];
    const file = first?.kind === 'message' ? first.message.lines[0]?.file : undefined;
    if (file !== undefined && file < logs.length) setActiveLog(file);
  };

  // Printed, the page gives the print view in place of its panes; during a quiz it would tell the answers.
  const printable = analysis !== null && negotiation !== undefined && !quiz.active;

  const lineSteps = useMemo(() => (timeline ? indexLineSteps(timeline) : null), [timeline]);
  // A line of another negotiation than the one shown: that negotiation opens, then the line's step is selected.
  const pendingLine = useRef<{ negotiation: number; file: number; line: number; record: number } | null>(null);
  const seekLine = (file: number, line: number, record: number): boolean => {
    if (!lineSteps || !analysis) return false;
    const step = stepOfLine(lineSteps, file, line, record >= 0 ? (analysis.records.line[record] ?? null) : null);
    if (step === null) return false;
    finding.clear();
    playback.send({ type: 'SEEK', cursor: step });
    return true;
  };
  // A log line selects its message (or state change): the reader found it in the log, the ladder follows.
  const selectLine = (line: number) => {
    if (!lineSteps || !analysis || quiz.active) return;
    const record = analysis.lineTables[activeLog]?.records[line - 1] ?? -1;
    if (seekLine(activeLog, line, record)) return;
    const owner = record >= 0 ? (analysis.records.negotiation[record] ?? -1) : -1;
    if (owner >= 0 && owner !== negotiationIndex && owner < analysis.negotiations.length) {
      pendingLine.current = { negotiation: owner, file: activeLog, line, record };
      setNegotiationIndex(owner);
    }
  };
  useEffect(() => {
    const pending = pendingLine.current;
    if (!pending || pending.negotiation !== negotiationIndex || !lineSteps) return;
    pendingLine.current = null;
    seekLine(pending.file, pending.line, pending.record);
    // seekLine reads the timeline this effect waits for (lineSteps); it runs once per pending line.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [negotiationIndex, lineSteps]);

  return (
    // Narrow screens stack the regions in reading order and the page scrolls; wide ones fit them in the window,
    // the ladder's column the widest, and a short window gives the ladder most of the height.
    <>
    <main className={`${printable ? 'print:hidden ' : ''}grid grid-cols-[minmax(0,1fr)] gap-2 p-2 lg:min-h-0 lg:flex-1 lg:grid-cols-[16rem_minmax(0,5fr)_minmax(0,4fr)] lg:grid-rows-[minmax(0,3fr)_minmax(0,2fr)] lg:overflow-hidden lg:[@media(max-height:50rem)]:grid-rows-[minmax(0,2fr)_minmax(0,1fr)]`}>
      <div className="flex min-h-0 flex-col gap-2 lg:col-start-1 lg:row-span-2 lg:row-start-1">
        <Region
          id="negotiations"
          title="Negotiations"
          className={many ? 'h-80 shrink-0' : 'h-36 shrink-0 lg:h-48'}
          scrolls={false}
          actions={
            many && analysis && !quiz.active ? (
              <button
                type="button"
                aria-pressed={summaryOpen}
                onClick={() => setSummaryOpen((open) => !open)}
                className="rounded px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                {summaryOpen ? 'List' : `Summary${analysis.summary.failed > 0 ? ` (${analysis.summary.failed} failed)` : ''}`}
              </button>
            ) : null
          }
        >
          {quiz.active ? (
            // Its outcome badges would tell how the negotiation ends.
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Hidden during the quiz.</p>
          ) : analysis && summaryOpen ? (
            <div className="h-full overflow-auto">
              <Suspense fallback={<p className="p-3 text-sm">Loading the summary…</p>}>
                <SummaryView summary={analysis.summary} onFilter={changeListFilter} />
              </Suspense>
            </div>
          ) : analysis ? (
            <div className="flex h-full flex-col">
              {many && (
                <ListFilterBar
                  filter={listFilter}
                  onChange={changeListFilter}
                  codes={Object.keys(analysis.summary.byFinding) as (keyof typeof analysis.summary.byFinding)[]}
                  shown={rows.length}
                  total={analysis.negotiations.length}
                />
              )}
              <NegotiationList negotiations={analysis.negotiations} rows={rows} selected={negotiationIndex} onSelect={setNegotiationIndex} />
            </div>
          ) : (
            <p className="p-3 text-sm">{workspace.title}</p>
          )}
        </Region>
        <Region id="state" title="State" className="shrink-0">
          {negotiation && shown ? <StatePanel negotiation={negotiation} timeline={shown} cursor={cursor} /> : nothingToDraw && <Empty />}
        </Region>
        <Region id="findings" title="Findings" className="lg:flex-1">
          {quiz.active ? (
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Hidden during the quiz.</p>
          ) : negotiation ? (
            <FindingsPanel
              negotiation={negotiation}
              selected={finding.selected?.index ?? null}
              onSelect={finding.choose}
              fileNames={fileNames}
            />
          ) : (
            nothingToDraw && <Empty />
          )}
        </Region>
      </div>
      <Region id="ladder" title="Ladder" className="h-[75svh] lg:col-start-2 lg:row-start-1 lg:h-auto" scrolls={false}
        actions={timeline && !quiz.active ? (
          <PlaybackControls cursor={playback.cursor} stepCount={timeline.steps.length} playing={playback.playing} speed={playback.speed} send={playback.send} />
        ) : null}
      >
        <LadderView negotiation={negotiation} nothingToDraw={nothingToDraw} timeline={shown} cursor={cursor} selectedStep={selectedStep} failedSteps={failed} onSelectStep={selectStep} timings={timings} />
      </Region>
      <Region id="message" title={quiz.open ? 'Quiz' : 'Message'} className="lg:col-start-2 lg:row-start-2"
        actions={
          timeline ? (
            // the ladder's header holds the playback controls; exporting the negotiation sits beside the quiz
            <div className="flex items-center gap-2">
              {analysis && negotiation && !quiz.active && <ExportMenu analysis={analysis} negotiation={negotiation} sources={sources} />}
              <QuizStart quiz={quiz} disabled={!negotiation} onStart={() => playback.send({ type: 'PAUSE' })} />
            </div>
          ) : null
        }
      >
        {quiz.open ? (
          <Suspense fallback={<p className="p-3 text-sm">Loading the quiz…</p>}>
            <QuizPanel quiz={quiz} />
          </Suspense>
        ) : negotiation && message ? (
          <MessageInspector
            negotiation={negotiation}
            step={message}
            timeline={shown}
            timings={timings}
            sources={sources}
            link={messageLink}
            attribute={attribute.attribute}
            onSelectAttribute={attribute.select}
          />
        ) : (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Select a message on the ladder, or step to one.</p>
        )}
      </Region>
      <Region id="log" title="Log" className="h-[75svh] lg:col-start-3 lg:row-start-1 lg:h-auto" scrolls={false}>
        <LogPane tabs={quiz.logs(logs)} active={activeLog} onActivate={setActiveLog} marks={marks} scrollTo={firstFocused} onSelectLine={selectLine} />
      </Region>
      <Region id="configs" title="Configuration" className="lg:col-start-3 lg:row-start-2">
        <ConfigPanes
          configs={configs}
          logCount={logs.length}
          configDefaults={analysis?.configDefaults}
          lines={finding.lines ?? configLines}
          attribute={finding.lines ? null : attribute.attribute}
          defaults={attribute.configDefaults}
        />
      </Region>
    </main>
    {printable && <LazyPrintView analysis={analysis} negotiation={negotiation} sources={sources} />}
    </>
  );
}

/**
 * Drawn again only when its workspace, analysis or fetcher changes: the progress the worker reports while it
 * reads a large log (a message a megabyte) redraws the progress bar alone, not the early analysis' views.
 */
export const Workbench = memo(WorkbenchView);
