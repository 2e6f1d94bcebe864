import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import type { ReportSource } from './report-source.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** A report's source from real files: logs, then configs, as the CLI numbers them. */
export function reportSourceOf(logs: readonly string[], configs: readonly string[] = []): ReportSource {
  const logFiles = logs.map((path) => ({ name: path.split('/').pop()!, text: read(path) }));
  const configFiles = configs.map((path) => ({ name: path.split('/').pop()!, text: read(path) }));
  const analysis = analyze(logFiles, { configs: configFiles });
  return { ...analysis, texts: [...logFiles, ...configFiles].map((f) => ({ name: f.name, pieces: [f.text] })) };
}

export const SEED_LOG = 'fixtures/seed/ios-ikev1-main-mode-debugs.txt';
export const SEED_CONFIGS = ['fixtures/configs/seed-R2.config.txt', 'fixtures/configs/seed-R3.config.txt'];

/** The seed with both routers' configs: the Cisco document's one paste. */
export const seedSource = () => reportSourceOf([SEED_LOG], SEED_CONFIGS);

/** Every corpus log, each with its config when the corpus has one. */
export function corpusCases(): { name: string; log: string; configs: string[] }[] {
  const dir = new URL('../../../fixtures/corpus/', import.meta.url);
  const names = readdirSync(dir);
  return names
    .filter((n) => n.endsWith('.log'))
    .sort()
    .map((n) => {
      const config = n.replace(/\.log$/, '.config.txt');
      return { name: n, log: `fixtures/corpus/${n}`, configs: names.includes(config) ? [`fixtures/corpus/${config}`] : [] };
    });
}

/** Each key a report shows, as shown: `*****` when masked. */
export function shownKeys(report: string): string[] {
  const keys: string[] = [];
  for (const m of report.matchAll(/crypto isakmp key (?:[06] )?(\S+)/g)) keys.push(m[1]!);
  for (const m of report.matchAll(/pre-shared-key (?:address|hostname) \S+(?: \S+)? key (?:[06] )?(\S+)/g)) keys.push(m[1]!);
  return keys;
}
