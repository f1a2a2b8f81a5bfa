import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, FieldError } from '@passerelle/shared/domain';

export const STALE_FILE_MESSAGE = "Ce dossier a été modifié par quelqu'un d'autre.";

/** What a failed write of a file means for the person who made it. */
export type WriteFailure =
  /** 412: someone saved in between; nothing was changed, the user must reload. */
  | { readonly kind: 'stale'; readonly message: string }
  /** 400: the fields the API refused, shown next to the fields. */
  | { readonly kind: 'invalid'; readonly message: string; readonly fields: readonly FieldError[] }
  /** 409, 403, 404, network…: the API's own message when it gave one. */
  | { readonly kind: 'refused'; readonly message: string; readonly fields: readonly FieldError[] };

function apiError(error: HttpErrorResponse): Partial<ApiError> {
  const body: unknown = error.error;
  return typeof body === 'object' && body !== null ? (body as Partial<ApiError>) : {};
}

const FALLBACK: Record<number, string> = {
  0: 'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.',
  403: "Vous n'avez pas le droit de faire cette opération sur ce dossier.",
  404: "Ce dossier n'existe pas ou ne vous est plus accessible.",
  409: 'Cette opération est refusée en l’état du dossier.',
  428: 'La version du dossier manque : rechargez la page.',
};

export function writeFailureOf(error: unknown): WriteFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'refused', message: 'Une erreur inattendue est survenue.', fields: [] };
  }
  if (error.status === 412) return { kind: 'stale', message: STALE_FILE_MESSAGE };
  const body = apiError(error);
  const fields = Array.isArray(body.details) ? body.details : [];
  const message =
    error.status === 400
      ? 'Certaines informations sont à corriger.'
      : (typeof body.message === 'string' && body.message) ||
        FALLBACK[error.status] ||
        'Une erreur est survenue. Réessayez.';
  return { kind: error.status === 400 ? 'invalid' : 'refused', message, fields };
}

/** The API's message for one form field (`applicant.lastName`), or for any field under it. */
export function fieldMessage(failure: WriteFailure | null, field: string): string | null {
  if (!failure || failure.kind === 'stale') return null;
  const hit = failure.fields.find((item) => item.field === field || item.field.startsWith(`${field}.`));
  return hit ? hit.message : null;
}

/** API field errors the form has no field for: shown in the summary. */
export function otherFieldMessages(failure: WriteFailure | null, shown: readonly string[]): FieldError[] {
  if (!failure || failure.kind === 'stale') return [];
  return failure.fields.filter(
    (item) => !shown.some((field) => item.field === field || item.field.startsWith(`${field}.`)),
  );
}
