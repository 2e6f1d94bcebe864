/** What every command of the CLI is: arguments and the process's streams in, an exit status out. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin: () => Promise<string>;
}

export type Command = (args: readonly string[], io: CommandIo) => Promise<number>;
