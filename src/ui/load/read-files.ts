import { detectInputKind } from '../../core/input-kind.ts';
import type { InputFile, Workspace } from '../app/workspace.ts';

/**
 * A file's text, decoded slice by slice as it streams in: decoding a 100 MB file in one call would hold the
 * page for a second.
 */
async function readText(file: Blob): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const reader = file.stream().getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Reads dropped or opened files into a workspace: each file a log or a config by its name and content. */
export async function workspaceFromFiles(files: readonly File[]): Promise<Workspace> {
  const read: InputFile[] = await Promise.all(
    files.map(async (file) => {
      const text = await readText(file);
      return { name: file.name, kind: detectInputKind(text, file.name), text, blob: file };
    }),
  );
  // Logs first, then configs: the analysis numbers its input files in this order.
  const ordered = [...read.filter((f) => f.kind === 'log'), ...read.filter((f) => f.kind === 'config')];
  return { title: files.map((f) => f.name).join(', '), files: ordered };
}

export function workspaceFromPaste(text: string): Workspace {
  return { title: 'Pasted text', files: [{ name: 'pasted', kind: detectInputKind(text), text }] };
}
