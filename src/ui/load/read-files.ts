import { detectInputKind } from '../../core/input-kind.ts';
import { newCaseId, type InputFile, type Workspace } from '../app/workspace.ts';

/**
 * A file's text, decoded piece by piece as it streams in, and kept in those pieces: decoding a 100 MB file in
 * one call, or flattening it into one string, would hold the page for a tenth of a second or more.
 */
export async function readPieces(file: Blob): Promise<string[]> {
  // The file is read in slices of our own size: a browser may hand a stream over in one huge chunk.
  const sliceBytes = 1 << 20;
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    const bytes = await file.slice(offset, offset + sliceBytes).arrayBuffer();
    pieces.push(decoder.decode(bytes, { stream: true }));
  }
  pieces.push(decoder.decode());
  return pieces.filter((piece) => piece.length > 0);
}

/** The first characters of a text held in pieces: enough to tell a log from a config. */
function head(pieces: readonly string[], chars = 256 * 1024): string {
  let taken = 0;
  let count = 0;
  while (count < pieces.length && taken < chars) taken += pieces[count++]!.length;
  return pieces.slice(0, count).join('');
}

/** Reads dropped or opened files into a workspace: each file a log or a config by its name and content. */
export async function workspaceFromFiles(files: readonly File[]): Promise<Workspace> {
  const read: InputFile[] = await Promise.all(
    files.map(async (file) => {
      const pieces = await readPieces(file);
      // A concatenation V8 keeps as a rope: nothing copies the whole text unless something asks for it whole.
      const text = pieces.reduce((joined, piece) => joined + piece, '');
      return { name: file.name, kind: detectInputKind(head(pieces), file.name), text, pieces, blob: file };
    }),
  );
  // Logs first, then configs: the analysis numbers its input files in this order.
  const ordered = [...read.filter((f) => f.kind === 'log'), ...read.filter((f) => f.kind === 'config')];
  return { id: newCaseId(), title: files.map((f) => f.name).join(', '), files: ordered };
}

export function workspaceFromPaste(text: string): Workspace {
  return { id: newCaseId(), title: 'Pasted text', files: [{ name: 'pasted', kind: detectInputKind(text), text }] };
}
