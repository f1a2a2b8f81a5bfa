/** `'A', 'B'` for a CHECK constraint built from a list of codes, so the codes stay in one place. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
}
