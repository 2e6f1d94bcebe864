import { useEffect, useRef, useState } from 'react';
import type { LabRun, LabSetup } from '../../core/sim/lab.ts';
import type { LabRequest, LabResponse } from '../../worker/lab-worker.ts';
import { startWorker } from '../app/start-worker.ts';

export interface Shown {
  setup: LabSetup;
  /** Each run is numbered, so Run shows the same setup again. */
  run: number;
}

/**
 * The run of the setup shown, simulated in a worker (never during a render). A newer setup ends a run still
 * going, so a config that keeps the simulation busy never holds up the next edit.
 */
export function useLabRun(shown: Shown | null): { shown: Shown; run: LabRun } | null {
  const [result, setResult] = useState<{ shown: Shown; run: LabRun } | null>(null);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!shown) return;
    if (busy.current) {
      worker.current?.terminate();
      worker.current = null;
    }
    const current = worker.current ?? startWorker('lab');
    worker.current = current;
    busy.current = true;
    const answered = (event: MessageEvent<LabResponse>) => {
      if (event.data.id !== shown.run) return;
      busy.current = false;
      setResult({ shown, run: event.data.run });
    };
    const failed = (event: ErrorEvent) => {
      busy.current = false;
      setResult({ shown, run: { ok: false, error: event.message || 'the simulation failed' } });
    };
    current.addEventListener('message', answered);
    current.addEventListener('error', failed);
    const request: LabRequest = { id: shown.run, setup: shown.setup };
    current.postMessage(request);
    return () => {
      current.removeEventListener('message', answered);
      current.removeEventListener('error', failed);
    };
  }, [shown]);

  return result;
}
