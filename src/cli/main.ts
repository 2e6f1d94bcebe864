/**
 * ikescope's command line: `npm run -s cli -- <command> [options]`.
 * Each command lives in its own module and is loaded only when asked for.
 */
import { stderr, stdout } from 'node:process';
import type { Command, CommandIo } from './command.ts';
import { lookupTable } from '../core/ike/lookup-table.ts';

const usage = `ikescope: Cisco IOS IKEv1 and IKEv2 IPsec negotiation analysis

Usage:
  npm run -s cli -- analyze [--format text|json|markdown|html|mermaid] [--json] [--summary] [--annotate] [--include-keys] [--config FILE]... FILE...
                                                         analyse debug logs ('-' reads stdin); reports mask pre-shared keys unless --include-keys
  npm run -s cli -- check [--json] A.cfg B.cfg                              will two routers' configs agree?
  npm run -s cli -- simulate [--json] (--preset NAME | --config A.cfg --config B.cfg)
  npm run -s cli -- --help                                                  this text

Several log files given to 'analyze' are read together, so two routers' logs of one negotiation merge.
Exit status: 0 on success, 1 when the input could not be analysed, 2 on a usage error.
`;

const commands = lookupTable<() => Promise<{ run: Command }>>({
  analyze: () => import('./analyze-command.ts'),
  check: () => import('./check-command.ts'),
  simulate: () => import('./simulate-command.ts'),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: readonly string[]): Promise<number> {
  const io: CommandIo = { out: (t) => void stdout.write(t), err: (t) => void stderr.write(t), readStdin };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(`ikescope: unknown command '${name}'\n\n${usage}`);
    return 2;
  }
  let module: { run: Command };
  try {
    module = await load();
  } catch {
    io.err(`ikescope: the '${name}' command is not available in this version\n`);
    return 2;
  }
  return module.run(rest, io);
}

// `analyze big.log | head` closes the pipe early: that ends the output, it is not an error
stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    stderr.write(`ikescope: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
