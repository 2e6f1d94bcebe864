/** What the user has loaded: log files and config files, in the order given. */
export type InputKind = 'log' | 'config';

export interface InputFile {
  name: string;
  kind: InputKind;
  text: string;
  /** The router a config belongs to, when known (the seed's R2 and R3). */
  router?: string;
  /** The file as opened or dropped: the worker streams it rather than receive a copy of its text. */
  blob?: Blob;
  /** The text in the pieces it was read in, so the log editor can take it in without one giant copy. */
  pieces?: readonly string[];
  /**
   * A large log the page has not read: the analysis worker reads `blob` and hands its text back in pieces
   * (`withWorkerTexts`); until then `text` is empty.
   */
  unread?: true;
}

export interface Workspace {
  /**
   * What a link names (`#w=...`): `example.<name>` for a built-in example (any browser can rebuild it), `lab`
   * for the lab's own run, `case.<random>` for what the user loaded (kept in this browser's storage only).
   */
  id: string;
  title: string;
  files: readonly InputFile[];
}

export const LAB_WORKSPACE = 'lab';
export const exampleWorkspaceId = (example: string) => `example.${example}`;

/** The example a workspace id names, or null when it names a case or the lab. */
export const exampleOf = (id: string): string | null => (id.startsWith('example.') ? id.slice('example.'.length) : null);

/** A new id for a loaded case: random, so two cases never share one and the id tells nothing of the log. */
export function newCaseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `case.${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const isCase = (id: string) => id.startsWith('case.');

export const logsOf = (workspace: Workspace) => workspace.files.filter((f) => f.kind === 'log');
export const configsOf = (workspace: Workspace) => workspace.files.filter((f) => f.kind === 'config');

/** The workspace with the texts the analysis worker handed back (by file index) in place of its unread files. */
export function withWorkerTexts(workspace: Workspace, texts: ReadonlyMap<number, readonly string[]>): Workspace {
  if (texts.size === 0 || !workspace.files.some((f) => f.unread)) return workspace;
  const files = workspace.files.map((file, index): InputFile => {
    const pieces = texts.get(index);
    if (!file.unread || !pieces) return file;
    const { unread: _, ...read } = file;
    // A concatenation V8 keeps as a rope: nothing copies the whole text unless something asks for it whole.
    return { ...read, text: pieces.reduce((joined, piece) => joined + piece, ''), pieces };
  });
  return { ...workspace, files };
}
