/**
 * The generated log the benchmarks read, made once (deterministically) in .bench/: `npm run bench` and
 * `npm run bench:page` read the same file of a size. IKEv1 and, unless BENCH_IKEV2=0, IKEv2 negotiations.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { generateLog } from './generate.ts';

/** BENCH_IKEV2=0: the log of IKEv1 negotiations only, to compare the rate with and without IKEv2 on the same code. */
const IKEV2 = process.env.BENCH_IKEV2 !== '0';
const dir = new URL('../.bench/', import.meta.url);

export function logPath(megabytes: number): string {
  return new URL(`generated-${megabytes}mb${IKEV2 ? '-with-ikev2' : ''}.log`, dir).pathname;
}

/** The log of about `megabytes` MB (10^6 bytes), generated when it is not there yet; its path. */
export async function ensureLog(megabytes: number): Promise<string> {
  const path = logPath(megabytes);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(path);
  const stats = generateLog(megabytes * 1_000_000, (t) => out.write(t), { ikev2: IKEV2 });
  await new Promise<void>((resolve) => out.end(resolve));
  console.log(`generated ${path}: ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.negotiations} negotiations (${stats.ikev2} IKEv2), interleaved`);
  return path;
}
