/// <reference lib="webworker" />
import { runLab, type LabRun, type LabSetup } from '../core/sim/lab.ts';

/** The page sends a setup with its number; the run comes back with the same number. */
export interface LabRequest {
  id: number;
  setup: LabSetup;
}
export interface LabResponse {
  id: number;
  run: LabRun;
}

// The lab's simulation runs here, off the page's render: a config that makes it fail fails this run only.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LabRequest>) => {
  const { id, setup } = event.data;
  let run: LabRun;
  try {
    run = runLab(setup);
  } catch (error) {
    run = { ok: false, error: `the simulation failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const response: LabResponse = { id, run };
  scope.postMessage(response);
};
