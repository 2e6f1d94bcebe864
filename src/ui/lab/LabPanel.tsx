import { useId, useState } from 'react';
import { labSetupOf, type LabRun, type LabSetup } from '../../core/sim/lab.ts';
import { LAB_PRESETS } from '../../core/sim/preset-list.ts';
import { readLabLink } from '../app/deep-link.ts';
import type { Workspace } from '../app/workspace.ts';
import ConfigEditor from './ConfigEditor.tsx';
import { DebugDownloads } from './DebugDownloads.tsx';
import { LabShare } from './LabShare.tsx';
import { decodeExercise } from './share.ts';
import { useLab, type FaultName } from './use-lab.ts';
import { losableFor } from '../../core/sim/losable.ts';

interface LabPanelProps {
  /** The setup this browser kept from the last visit, if any. */
  kept: LabSetup | null;
  onRun: (workspace: Workspace, setup: LabSetup) => void;
}

const button =
  'rounded border border-teal-700 bg-teal-700 px-3 py-1 text-xs font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

const faults: readonly { name: FaultName; label: string }[] = [
  { name: 'lose', label: 'Lose a message once:' },
  { name: 'unreachable', label: 'Peer unreachable' },
  { name: 'nat', label: 'NAT between them' },
];

const defaultSetup = (kept: LabSetup | null): LabSetup => kept ?? labSetupOf('seed') ?? { preset: null, initiator: '', responder: '', mode: 'main', faults: {} };

/**
 * The exercise a shared link holds, else the one this browser kept, else the seed's two routers; with a word on
 * a link that holds none.
 */
function openingExercise(kept: LabSetup | null): { setup: LabSetup; notice: string | null } {
  const shared = readLabLink(window.location.hash);
  if (shared === null) return { setup: defaultSetup(kept), notice: null };
  const decoded = decodeExercise(shared);
  if (decoded.ok) return { setup: decoded.setup, notice: null };
  return { setup: defaultSetup(kept), notice: `This link's exercise cannot be opened (${decoded.reason}): the lab shows ${kept ? 'the exercise this browser kept' : "the seed's routers"} instead.` };
}

const routerName = (text: string, fallback: string) => /^hostname (\S+)/m.exec(text)?.[1] ?? fallback;

function outcomeText(result: LabRun | null): string {
  if (!result) return 'Not run yet.';
  if (!result.ok) return `Cannot simulate: ${result.error}`;
  const { phase1, phase2 } = result.trace.outcome;
  const said = 'ikeVersion' in result.trace ? `IKEv2, IKE SA ${phase1}, child SA ${phase2}` : `phase 1 ${phase1}, phase 2 ${phase2}`;
  return `Simulated: ${said}. Every view below shows it as if it were a pasted log.`;
}

/**
 * The lab: one editable config per router, a preset picker, fault switches and Run. The simulation's debug
 * output and the two configs load into the same views as a pasted log; edits re-run it a moment later.
 */
export default function LabPanel({ kept, onRun }: LabPanelProps) {
  const [opening] = useState(() => openingExercise(kept));
  const [notice, setNotice] = useState(opening.notice);
  const lab = useLab(() => opening.setup, onRun);
  const { setup, result } = lab;
  const presetId = useId();
  // the messages the last run's IKE version sends: IKEv1's Main and Quick Mode, or IKEv2's first two exchanges
  const ikeVersion = result?.ok === true && 'ikeVersion' in result.trace ? 2 : 1;
  const losable = losableFor(ikeVersion);
  const chosen = setup.faults.lose?.[0]?.message;
  const lost = losable.messages.some((l) => l.message === chosen) && chosen !== undefined ? chosen : losable.first.message;
  const names = { initiator: routerName(setup.initiator, 'R1'), responder: routerName(setup.responder, 'R2') };

  return (
    <section id="lab" aria-labelledby="lab-heading" className="shrink-0 border-b border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-950">
      {notice && (
        <div role="alert" className="mb-2 flex items-center gap-2 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
          <p>{notice}</p>
          <button type="button" className="underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id="lab-heading" className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
          Lab
        </h2>
        <label htmlFor={presetId} className="flex items-center gap-1 text-xs">
          Preset
        </label>
        <select
          id={presetId}
          data-testid="lab.preset"
          className="rounded border border-slate-300 bg-white px-1 py-1 text-xs dark:border-slate-700 dark:bg-slate-900"
          value={setup.preset ?? ''}
          onChange={(event) => lab.choosePreset(event.target.value)}
        >
          {setup.preset === null && <option value="">your own configs</option>}
          {LAB_PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        <fieldset className="flex flex-wrap gap-3 text-xs">
          <legend className="sr-only">Faults between the routers</legend>
          {faults.map((f) => (
            <span key={f.name} className="flex items-center gap-1">
              <label className="flex items-center gap-1">
                <input type="checkbox" checked={Boolean(setup.faults[f.name])} onChange={(e) => lab.setFault(f.name, e.target.checked, lost, ikeVersion)} />
                {f.label}
              </label>
              {f.name === 'lose' && (
                <select
                  aria-label="Message to lose"
                  className="rounded border border-slate-300 bg-white px-1 text-xs dark:border-slate-700 dark:bg-slate-900"
                  value={lost}
                  onChange={(e) => lab.setFault('lose', true, losable.messages.find((l) => l.message === e.target.value)?.message, ikeVersion)}
                >
                  {losable.messages.map((l) => (
                    <option key={l.message} value={l.message}>
                      {l.message} ({l.from})
                    </option>
                  ))}
                </select>
              )}
            </span>
          ))}
        </fieldset>
        <button type="button" className={button} data-testid="lab.run" onClick={lab.run}>
          Run
        </button>
        <p role="status" className="text-xs text-slate-700 dark:text-slate-300" data-testid="lab.outcome">
          {outcomeText(result)}
        </p>
      </div>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        {(['initiator', 'responder'] as const).map((side) => (
          <div key={side} className="flex h-36 min-h-0 min-w-0 flex-col">
            <p className="text-xs font-semibold text-slate-700 dark:text-slate-300">
              {names[side]} <span className="font-normal">({side})</span>
            </p>
            <div className="min-h-0 flex-1 overflow-hidden">
              <ConfigEditor
                text={setup[side]}
                label={`${side === 'initiator' ? 'Initiator' : 'Responder'} config`}
                testId={`lab.config.${side}`}
                onChange={(text) => lab.setConfig(side, text)}
              />
            </div>
          </div>
        ))}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">Edit a line: the simulation runs again.</p>
        {result?.ok && <DebugDownloads files={result.files} />}
        <LabShare setup={setup} />
      </div>
    </section>
  );
}
