import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBody, statusMessage } from '../../../ui/api-error';
import { STALE_FILE_MESSAGE, type WriteFailure } from '../../write-outcome';

/**
 * A failed write of the case-work sections (evaluations, documents, fragility), in French only: the
 * API's `message` and field messages are English and never shown; the status and the field names
 * are mapped to sentences here.
 */
export interface CaseworkFailure {
  readonly kind: 'stale' | 'invalid' | 'refused';
  readonly status: number | null;
  readonly message: string;
  /** A French message per form field the API refused (`notes`, `diagnosis.communes`). */
  readonly fields: Readonly<Record<string, string>>;
  /** Refused fields the form has no place for, already in French. */
  readonly others: readonly string[];
}

/** What a section says for its own statuses and fields. */
export interface FailureWording {
  readonly statuses?: Readonly<Partial<Record<number, string>>>;
  /** A field (or the prefix of nested ones) → what to say next to it. */
  readonly fields?: Readonly<Record<string, string>>;
}

const UNEXPECTED = 'Une erreur est survenue. Réessayez.';
const UNKNOWN_FIELD = 'Une information envoyée a été refusée : vérifiez le formulaire.';

/** The wording key a field falls under (`diagnosis.communes[0]` → `diagnosis.communes`). */
function keyOf(field: string, fields: Readonly<Record<string, string>>): string | undefined {
  return Object.keys(fields)
    .filter((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`))
    .sort((a, b) => b.length - a.length)[0];
}

export function caseworkFailureOf(error: unknown, wording: FailureWording = {}): CaseworkFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'refused', status: null, message: UNEXPECTED, fields: {}, others: [] };
  }
  const status = error.status;
  const message = status === 412 ? STALE_FILE_MESSAGE : statusMessage(status, wording.statuses);
  if (status === 412) return { kind: 'stale', status, message, fields: {}, others: [] };
  if (status !== 400) return { kind: 'refused', status, message, fields: {}, others: [] };
  const body = apiErrorBody(error);
  const details = Array.isArray(body.details) ? body.details : [];
  const known = wording.fields ?? {};
  const fields: Record<string, string> = {};
  const others = new Set<string>();
  for (const detail of details) {
    const key = typeof detail?.field === 'string' ? keyOf(detail.field, known) : undefined;
    if (key) fields[key] = known[key];
    else others.add(UNKNOWN_FIELD);
  }
  return { kind: 'invalid', status, message, fields, others: [...others] };
}

/** The shape `bo-write-failure` shows (its reload button on a stale file). */
export function asWriteFailure(failure: CaseworkFailure): WriteFailure {
  return failure.kind === 'stale'
    ? { kind: 'stale', message: failure.message }
    : { kind: failure.kind, message: failure.message, fields: [] };
}

/** The French line for a form field, if the API refused it. */
export function failedField(failure: CaseworkFailure | null, field: string): string | null {
  return failure?.fields[field] ?? null;
}
