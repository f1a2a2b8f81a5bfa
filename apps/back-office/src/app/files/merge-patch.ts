/** A JSON merge patch (RFC 7396): nested objects merge, arrays and scalars replace, `null` clears. */
export type MergePatch = { [key: string]: MergePatchValue };
type MergePatchValue = string | number | boolean | null | readonly unknown[] | MergePatch;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Form fields left empty mean « no value »: `''`, `null` and `undefined` are one thing. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** JSON with the keys of objects sorted: the stored file does not keep the order they were sent in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return canonical(a ?? []) === canonical(b ?? []);
  if (isPlainObject(a) && isPlainObject(b)) return canonical(a) === canonical(b);
  return a === b;
}

/**
 * The smallest merge patch that turns `before` into `after`, for the keys `after` holds: the edit
 * forms only send what the user changed, so a concurrent change to another field is never undone.
 * A field emptied by the user becomes `null` (cleared); a key absent from `after` is not touched.
 */
export function buildMergePatch(before: object | undefined, after: object): MergePatch {
  const patch: MergePatch = {};
  const old = (before ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const previous = old[key];
    if (isPlainObject(value)) {
      if (!isPlainObject(previous)) {
        const created = buildMergePatch({}, value);
        if (Object.keys(created).length > 0) patch[key] = created;
        continue;
      }
      const nested = buildMergePatch(previous, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
      continue;
    }
    if (sameValue(previous, value)) continue;
    if (isEmpty(value)) patch[key] = null;
    else patch[key] = value as MergePatchValue;
  }
  return patch;
}

/** An object without its empty fields (`''`, `null`, `undefined`): a line of a list is sent whole. */
export function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => !isEmpty(item))) as T;
}

export function isEmptyPatch(patch: MergePatch): boolean {
  return Object.keys(patch).length === 0;
}
