import { describe, expect, test } from 'vitest';
import { ESLint } from 'eslint';

// The architecture's one hard rule: src/core stays pure. These cases prove the lint rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const forbidden = [
  { name: 'a UI module', code: "import { App } from '../ui/app/App.tsx';\nexport const x = App;\n" },
  { name: 'React', code: "import { useState } from 'react';\nexport const x = useState;\n" },
  { name: 'd3-selection', code: "import { select } from 'd3-selection';\nexport const x = select;\n" },
  {
    name: 'the worker',
    code: "import * as w from '../../worker/analysis-worker.ts';\nexport const x = w;\n",
  },
  { name: 'the DOM', code: 'export const x = () => document.title;\n' },
];

describe('src/core may not import the UI, React or the DOM', () => {
  for (const c of forbidden) {
    test(`importing ${c.name} from src/core is a lint error`, async () => {
      const ids = await ruleIdsFor('src/core/log/example.ts', c.code);
      expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
    });
  }

  test('the same import is allowed from src/ui', async () => {
    const ids = await ruleIdsFor(
      'src/ui/app/example.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });

  test('d3-scale (pure math) is allowed in src/core', async () => {
    const ids = await ruleIdsFor(
      'src/core/log/example.ts',
      "import { scaleLinear } from 'd3-scale';\nexport const x = scaleLinear;\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });
});

describe('regexes must be linear', () => {
  test('a super-linear backtracking regex is a lint error', async () => {
    const ids = await ruleIdsFor('src/core/log/example.ts', 'export const r = /^(a+)+$/;\n');
    expect(ids).toContain('regexp/no-super-linear-backtracking');
  });
});

describe('log text is never markup', () => {
  test('dangerouslySetInnerHTML is a lint error', async () => {
    const ids = await ruleIdsFor(
      'src/ui/app/example.tsx',
      'export const X = ({ t }: { t: string }) => <div dangerouslySetInnerHTML={{ __html: t }} />;\n',
    );
    expect(ids).toContain('no-restricted-syntax');
  });
});
