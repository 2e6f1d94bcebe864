import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';

/** The pure core may not reach up into the UI, React, the DOM or d3's DOM modules. */
export const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/ui/**', '**/worker/**', '**/cli/**'],
            message: 'src/core must not import from src/ui, src/worker or src/cli.',
          },
          {
            group: [
              'react',
              'react-dom',
              'react-dom/*',
              '@xstate/react',
              '@codemirror/*',
              'd3-selection',
              'd3-zoom',
              'd3-axis',
            ],
            message: 'src/core is pure: no React, DOM or DOM-touching d3 modules.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      'window',
      'document',
      'navigator',
      'localStorage',
      'sessionStorage',
      'location',
      'fetch',
      'XMLHttpRequest',
    ],
  },
};

/** Log text is data, never markup. */
const markupRules = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Log text is data, never markup.' },
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Log text is data, never markup.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'fixtures', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...markupRules],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  coreBoundary,
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...markupRules,
        {
          // A plain object literal keyed by any string answers 'constructor' and '__proto__' from its prototype.
          // (Record<string, V> or Readonly<Record<string, V>> as the declared type)
          selector: [
            "VariableDeclarator[init.type='ObjectExpression'] > Identifier > TSTypeAnnotation > TSTypeReference[typeName.name='Record'] > TSTypeParameterInstantiation > TSStringKeyword.params:first-child",
            "VariableDeclarator[init.type='ObjectExpression'] > Identifier > TSTypeAnnotation > TSTypeReference[typeName.name='Readonly'] > TSTypeParameterInstantiation > TSTypeReference[typeName.name='Record'] > TSTypeParameterInstantiation > TSStringKeyword.params:first-child",
          ].join(', '),
          message: 'A table that text is looked up in is a Map or lookupTable({...}) (src/core/ike/lookup-table.ts): a plain object reads inherited keys.',
        },
        {
          // Each spread element is one argument, and arguments live on the stack: 100,000 of them overflow it.
          selector: ":matches(CallExpression, NewExpression) > SpreadElement:not([argument.type='ArrayExpression'])",
          message: 'No spread into a call: an array that grows with the input overflows the stack. Loop over it (or spread a literal [a, b]).',
        },
      ],
    },
  },
);
