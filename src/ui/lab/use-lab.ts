import { useEffect, useRef, useState } from 'react';
import { labSetupOf, type LabSetup } from '../../core/sim/lab.ts';
import { findPreset } from '../../core/sim/presets.ts';
import { losableFor, type LosableMessage } from '../../core/sim/losable.ts';
import type { Side } from '../../core/ike/sides.ts';
import type { SimFaults } from '../../core/sim/trace.ts';
import { readDeepLink, readLabLink, writeDeepLink } from '../app/deep-link.ts';
import { LAB_WORKSPACE, type Workspace } from '../app/workspace.ts';
import { useLabRun, type Shown } from './use-lab-run.ts';

/** A what-if edit re-runs the simulation this long after the last key press. */
export const RERUN_DELAY_MS = 400;

export type FaultName = 'lose' | 'unreachable' | 'nat';

/** The lab's state: the setup being edited, and the last run that the page shows. */
export function useLab(initial: () => LabSetup, onRun: (workspace: Workspace, setup: LabSetup) => void) {
  const [setup, setSetup] = useState(initial);
  const [opened] = useState(() => setup);
  // Each run is numbered, so Run shows the same setup again (after another log was loaded meanwhile).
  const [shown, setShown] = useState<Shown | null>(null);
  const ran = useLabRun(shown);
  // The last run finished; while a newer one runs, the page keeps showing it.
  const result = ran?.run ?? null;
  const show = (next: LabSetup) => setShown((s) => ({ setup: next, run: (s?.run ?? 0) + 1 }));
  const loaded = useRef(onRun);

  useEffect(() => {
    loaded.current = onRun;
  }, [onRun]);

  // Every change re-runs, a moment after the last one, so editing a line shows its outcome at once.
  useEffect(() => {
    if (setup === shown?.setup) return undefined;
    const timer = setTimeout(() => setShown((s) => ({ setup, run: (s?.run ?? 0) + 1 })), RERUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [setup, shown]);

  // Once the exercise a link opened has changed, the link in the address bar no longer describes it.
  useEffect(() => {
    const hash = window.location.hash;
    if (setup !== opened && readLabLink(hash) !== null) window.history.replaceState(null, '', writeDeepLink(readDeepLink(hash), ''));
  }, [setup, opened]);

  useEffect(() => {
    if (!ran?.run.ok) return;
    const preset = ran.shown.setup.preset === null ? undefined : findPreset(ran.shown.setup.preset);
    loaded.current({ id: LAB_WORKSPACE, title: `Lab: ${preset?.title ?? 'your two routers'}`, files: ran.run.files }, ran.shown.setup);
  }, [ran]);

  return {
    setup,
    result,
    run: () => show(setup),
    choosePreset: (name: string) => {
      const next = labSetupOf(name);
      if (next) {
        setSetup(next);
        show(next);
      }
    },
    setConfig: (side: Side, text: string) => setSetup((s) => (s[side] === text ? s : { ...s, [side]: text })),
    setFault: (fault: FaultName, on: boolean, message: LosableMessage | undefined, ikeVersion: 1 | 2) =>
      setSetup((s) => ({ ...s, faults: withFault(s.faults, fault, on, message, ikeVersion) })),
  };
}

/**
 * The faults with one switched on or off; "lose a message" loses `message` once: of the run's IKE version, its
 * third message (MM3, IKE_AUTH) unless told.
 */
export function withFault(faults: SimFaults, fault: FaultName, on: boolean, message?: LosableMessage, ikeVersion: 1 | 2 = 1): SimFaults {
  const { [fault]: _dropped, ...rest } = faults;
  if (!on) return rest;
  if (fault !== 'lose') return { ...rest, [fault]: true };
  const { messages, first } = losableFor(ikeVersion);
  const lost = messages.find((l) => l.message === message) ?? first;
  return { ...rest, lose: [lost] };
}
