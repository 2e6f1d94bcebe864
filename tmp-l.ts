import { readFileSync } from 'node:fs';
import { lintConfig } from './src/core/config/lint.ts';
const t = readFileSync(process.argv[2]!, 'utf8');
const lines = t.split('\n');
for (const l of lintConfig(t)) console.log(l.line, l.kind, JSON.stringify(lines[l.line - 1]), '→', l.message);
