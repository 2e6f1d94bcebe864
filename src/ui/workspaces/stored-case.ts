import { inputFileOf } from '../load/read-files.ts';
import type { InputFile, Workspace } from '../app/workspace.ts';
import type { StoredCase, StoredFile } from './workspace-store.ts';

/** A loaded case as stored: each file as a Blob (an opened file is stored as the File itself, not copied). */
export function toStoredCase(workspace: Workspace, savedAt: number): StoredCase {
  const files = workspace.files.map((file): StoredFile => ({
    name: file.name,
    kind: file.kind,
    ...(file.router === undefined ? {} : { router: file.router }),
    blob: file.blob ?? new Blob([file.text], { type: 'text/plain' }),
  }));
  return { id: workspace.id, title: workspace.title, savedAt, files };
}

/** A stored case read back as if opened again (a large log left for the analysis worker to read). */
export async function fromStoredCase(stored: StoredCase): Promise<Workspace> {
  const files = await Promise.all(
    stored.files.map(async (file): Promise<InputFile> => {
      const read = await inputFileOf(file.blob, file.name, file.kind);
      return { ...read, ...(file.router === undefined ? {} : { router: file.router }) };
    }),
  );
  return { id: stored.id, title: stored.title, files };
}
