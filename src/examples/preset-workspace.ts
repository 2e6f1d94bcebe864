import { exampleWorkspaceId, type Workspace } from '../ui/app/workspace.ts';
import { labSetupOf, runLab } from '../core/sim/lab.ts';

/** A simulation preset as a workspace: both routers' simulated debug output and their configs. */
export function presetWorkspace(name: string): Workspace {
  const setup = labSetupOf(name);
  const run = setup ? runLab(setup) : null;
  if (!run?.ok) throw new Error(`the ${name} preset could not be simulated${run && !run.ok ? `: ${run.error}` : ''}`);
  return { id: exampleWorkspaceId(name), title: `Simulated: ${name}`, files: run.files.map((f) => ({ name: f.name, kind: f.kind, text: f.text, router: f.router })) };
}
