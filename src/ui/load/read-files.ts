import { detectInputKind } from '../../core/input-kind.ts';
import type { InputFile, Workspace } from '../app/workspace.ts';

/** Reads dropped or opened files into a workspace: each file a log or a config by its name and content. */
export async function workspaceFromFiles(files: readonly File[]): Promise<Workspace> {
  const read: InputFile[] = await Promise.all(
    files.map(async (file) => {
      const text = await file.text();
      return { name: file.name, kind: detectInputKind(text, file.name), text };
    }),
  );
  // Logs first, then configs: the analysis numbers its input files in this order.
  const ordered = [...read.filter((f) => f.kind === 'log'), ...read.filter((f) => f.kind === 'config')];
  return { title: files.map((f) => f.name).join(', '), files: ordered };
}

export function workspaceFromPaste(text: string): Workspace {
  return { title: 'Pasted text', files: [{ name: 'pasted', kind: detectInputKind(text), text }] };
}
