import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { checkable } from './compatibility.ts';
import { effectiveConfigFromText } from './effective.ts';

const read = (name: string) => effectiveConfigFromText(readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8'));

test("an ASA's config says which line shows it, and is checked against nothing (the CLI's check and the diagnosis alike)", () => {
  const asa = read('asa-vti-azure-china-readme.cfg');
  const ios = read('gre-r15-otus.cfg');
  expect(asa.securityAppliance).toEqual({ line: 17, command: 'encryption aes-256 aes-192 aes' });
  expect(ios.securityAppliance).toBeNull();
  expect(checkable(asa, ios)).toBe(false);
  expect(checkable(ios, asa)).toBe(false);
  expect(checkable(ios, read('gre-r16-otus.cfg'))).toBe(true);
});
