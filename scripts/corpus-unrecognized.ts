/**
 * The real corpus' reading figures (issue item 9's budget): of all IKE lines (debug, continuation, not understood,
 * cut off) in fixtures/corpus, the seed and fixtures/partial, how many are not understood, and per file the error
 * findings, to check none falls on a successful log. `npx tsx scripts/corpus-unrecognized.ts [-v]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../src/core/analyze.ts';
import { LINE_KIND_CODE } from '../src/core/ike/line-kinds.ts';

const root = new URL('../fixtures/', import.meta.url);
const files = [
  ...readdirSync(new URL('corpus/', root)).filter((f) => f.endsWith('.log')).map((f) => `corpus/${f}`),
  'seed/ios-ikev1-main-mode-debugs.txt',
  ...readdirSync(new URL('partial/', root)).filter((f) => f.endsWith('.log')).map((f) => `partial/${f}`),
];
const ike = new Set<number>([LINE_KIND_CODE.debug, LINE_KIND_CODE.continuation, LINE_KIND_CODE.unrecognized, LINE_KIND_CODE.truncated]);
const verbose = process.argv.includes('-v');
let total = 0;
let unrecognized = 0;
for (const f of files) {
  const a = analyze([{ name: f, text: readFileSync(new URL(f, root), 'utf8') }]);
  const kinds = a.lineTables[0]?.kinds ?? new Uint8Array();
  let lines = 0;
  let not = 0;
  for (const k of kinds) {
    if (ike.has(k)) lines += 1;
    if (k === LINE_KIND_CODE.unrecognized) not += 1;
  }
  total += lines;
  unrecognized += not;
  const errors = a.negotiations.flatMap((n) => n.findings.filter((x) => x.severity === 'error').map((x) => x.code));
  if (verbose || not > 0) console.log(`${f}: ${not}/${lines} not understood, ${a.negotiations.length} negotiations, errors: ${errors.join(', ') || 'none'}`);
}
console.log(`${unrecognized} of ${total} IKE lines not understood (${((100 * unrecognized) / Math.max(total, 1)).toFixed(2)}%) in ${files.length} files`);
