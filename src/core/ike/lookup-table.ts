/**
 * A constant table that input text is looked up in. It has no prototype, so a word such as `constructor`,
 * `toString` or `__proto__` read from a log or a config finds nothing instead of an inherited function.
 */
export function lookupTable<V>(entries: { readonly [key: string]: V }): Readonly<Record<string, V | undefined>> {
  const table = Object.create(null) as Record<string, V | undefined>;
  for (const key of Object.keys(entries)) table[key] = entries[key];
  return Object.freeze(table);
}
