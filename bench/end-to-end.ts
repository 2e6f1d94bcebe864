/**
 * The two whole processes `npm run bench` times side by side: `analyze --json LOG > FILE` (Node started, the
 * CLI loaded, the log read, the JSON written) and lnav reading the same log with ../shared/bench's format and
 * its query of one field of every line. Each returns its wall time, or why it could not run.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const cli = new URL('../src/cli/main.ts', import.meta.url).pathname;
const lnavFormat = new URL('../../shared/bench/ios_debug.lnav.json', import.meta.url).pathname;
export const LNAV_QUERY = ';SELECT facility, count(*) FROM ios_debug GROUP BY facility';

export type Timed = { seconds: number } | { problem: string };

/**
 * `node [--max-old-space-size=N] --import tsx src/cli/main.ts analyze --json LOG > OUT`; with a heap limit
 * (MiB), the run proves the whole process, the JSON text included, fits in it.
 */
export function analyzeToFile(log: string, out: string, heapMiB?: number): Timed & { bytes?: number } {
  const fd = openSync(out, 'w');
  const flags = heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`];
  const t = performance.now();
  const child = spawnSync(process.execPath, [...flags, '--import', 'tsx', cli, 'analyze', '--json', log], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  closeSync(fd);
  if (child.status !== 0) {
    const why = child.signal ?? `exit ${child.status}`;
    const last = (child.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
    return { problem: `analyze --json ${log} failed (${why}): ${last}` };
  }
  return { seconds, bytes: statSync(out).size };
}

/** Where lnav is, installing Debian's package when it is missing and this process may; else why not. */
export function findLnav(): { path: string } | { problem: string } {
  const which = (): string | null => {
    const r = spawnSync('sh', ['-c', 'command -v lnav'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const found = which();
  if (found !== null) return { path: found };
  if (process.env.BENCH_INSTALL_LNAV === '0') return { problem: 'lnav is not installed (BENCH_INSTALL_LNAV=0: not installing it); apt-get install -y lnav' };
  const root = process.getuid?.() === 0;
  const install = spawnSync(root ? 'apt-get' : 'sudo', root ? ['install', '-y', 'lnav'] : ['-n', 'apt-get', 'install', '-y', 'lnav'], { encoding: 'utf8' });
  const after = which();
  if (after !== null) return { path: after };
  const last = `${install.stderr ?? ''}${install.error?.message ?? ''}`.trim().split('\n').slice(-2).join(' | ');
  return { problem: `lnav is not installed and Debian's package could not be installed (apt-get install -y lnav: ${last || 'no output'})` };
}

/** A HOME whose lnav knows the ios_debug format, so the user's own lnav settings stay out of the run. */
export function lnavHome(dir: string): string {
  const home = mkdtempSync(join(existsSync(dir) ? dir : tmpdir(), 'lnav-home-'));
  const formats = join(home, '.config/lnav/formats/installed');
  mkdirSync(formats, { recursive: true });
  copyFileSync(lnavFormat, join(formats, 'ios_debug.lnav.json'));
  return home;
}

/**
 * `lnav -n -c QUERY LOG` with that HOME. The query must answer with the facilities it counted: a run that
 * exits 0 without reading the format's lines (format not loaded, file not read) is a failure too.
 */
export function lnavQuery(lnav: string, home: string, log: string): Timed {
  const t = performance.now();
  const child = spawnSync(lnav, ['-n', '-c', LNAV_QUERY, log], { env: { ...process.env, HOME: home }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (child.error !== undefined) return { problem: `lnav could not be started: ${child.error.message}` };
  if (child.status !== 0) return { problem: `lnav failed (exit ${child.status ?? child.signal}): ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}` };
  if (!/ISAKMP\s+\d+/.test(child.stdout)) return { problem: `lnav ran but its query counted no ISAKMP lines (the ios_debug format was not applied): ${child.stdout.trim().slice(0, 200)}` };
  return { seconds };
}
