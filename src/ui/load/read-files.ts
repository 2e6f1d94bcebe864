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

/** A log larger than this is read by the analysis worker alone, which hands its text back to the page. */
const readByWorkerBytes = 1 << 20;
const headBytes = 256 * 1024;

/**
 * A file as the page keeps it: a small one read here; a large log left unread (its first bytes tell it is a
 * log), so its analysis starts at once and the page never decodes it.
 */
export async function inputFileOf(blob: Blob, name: string, kind?: InputFile['kind']): Promise<InputFile> {
  if (blob.size > readByWorkerBytes) {
    // a character cut at the end of the slice decodes as U+FFFD: harmless for telling a log from a config
    const known = kind ?? detectInputKind(await blob.slice(0, headBytes).text(), name);
    if (known === 'log') return { name, kind: known, text: '', blob, unread: true };
  }
  const pieces = await readPieces(blob);
  // A concatenation V8 keeps as a rope: nothing copies the whole text unless something asks for it whole.
  const text = pieces.reduce((joined, piece) => joined + piece, '');
  return { name, kind: kind ?? detectInputKind(head(pieces), name), text, pieces, blob };
}

/** Reads dropped or opened files into a workspace: each file a log or a config by its name and content. */
export async function workspaceFromFiles(files: readonly File[]): Promise<Workspace> {
  const read: InputFile[] = await Promise.all(files.map((file) => inputFileOf(file, file.name)));
  // Logs first, then configs: the analysis numbers its input files in this order.
  const ordered = [...read.filter((f) => f.kind === 'log'), ...read.filter((f) => f.kind === 'config')];
  return { id: newCaseId(), title: files.map((f) => f.name).join(', '), files: ordered };
}

export function workspaceFromPaste(text: string): Workspace {
  return { id: newCaseId(), title: 'Pasted text', files: [{ name: 'pasted', kind: detectInputKind(text), text }] };
}
