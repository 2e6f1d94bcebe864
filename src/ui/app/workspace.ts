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
}

export interface Workspace {
  title: string;
  files: readonly InputFile[];
}

export const logsOf = (workspace: Workspace) => workspace.files.filter((f) => f.kind === 'log');
export const configsOf = (workspace: Workspace) => workspace.files.filter((f) => f.kind === 'config');
