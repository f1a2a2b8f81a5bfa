import { HttpErrorResponse } from '@angular/common/http';
import { type FieldError, fieldLabel } from '@passerelle/shared/domain';
import { apiErrorBody, statusMessage as statusMessageOf, UNEXPECTED_FAILURE } from '../ui/api-error';

export { UNEXPECTED_FAILURE };

export const STALE_FILE_MESSAGE = "Ce dossier a été modifié par quelqu'un d'autre.";

/**
 * What a failed write of a file means for the person who made it. Every message is French: the
 * API's own words (English) are never shown.
 */
export type WriteFailure =
  /** 412: someone saved in between; nothing was changed, the user must reload. */
  | { readonly kind: 'stale'; readonly message: string }
  /** 400: the fields the API refused, each with a French line naming the field. */
  | { readonly kind: 'invalid'; readonly message: string; readonly fields: readonly FieldError[] }
  /** 409, 403, 404, network…: a French message for the status. */
  | { readonly kind: 'refused'; readonly message: string; readonly fields: readonly FieldError[] };

/** A file's own wording of the statuses; the rest is said as everywhere (ui/api-error.ts). */
const FILE_STATUS_MESSAGES: Readonly<Partial<Record<number, string>>> = {
  401: 'Votre session a expiré : reconnectez-vous puis refaites la modification.',
  403: "Vous n'avez pas le droit de faire cette opération sur ce dossier.",
  404: "Ce dossier n'existe pas ou ne vous est plus accessible.",
  409: 'Cette opération est refusée en l’état du dossier.',
  412: STALE_FILE_MESSAGE,
};

export function statusMessage(status: number): string {
  return statusMessageOf(status, FILE_STATUS_MESSAGES);
}

/** 409s whose reason the user can act on: the API's (English) reason → French. */
const CONFLICTS: readonly [RegExp, string][] = [
  [/not complete enough to register/i, "Le dossier n'est pas assez complet pour enregistrer la demande."],
  [/SNE number is already recorded/i, 'Ce numéro SNE est déjà enregistré sur un autre dossier.'],
  [/already registered/i, 'La demande est déjà enregistrée.'],
  [/already closed|demand is closed/i, 'La demande est déjà radiée.'],
  [/only a registered demand can be renewed/i, 'Seule une demande enregistrée peut être renouvelée.'],
  [
    /never registered can only be closed/i,
    'Une demande jamais enregistrée ne peut être radiée que pour abandon ou doublon.',
  ],
  [
    /due for renewal can be closed/i,
    'Seule une demande à renouveler peut être radiée pour non-renouvellement.',
  ],
  [/file to keep is closed/i, 'Le dossier conservé est radié.'],
  [/anonymised/i, 'Ce dossier a été anonymisé : il ne peut plus être modifié.'],
];

const frenchNumber = (value: string) =>
  Number.isFinite(Number(value)) ? new Intl.NumberFormat('fr-FR').format(Number(value)) : value;

/** The API's messages for one field (class-validator's and its own rules) → French. */
const DETAILS: readonly [RegExp, (match: RegExpMatchArray) => string][] = [
  [/should not exist/i, () => 'information non acceptée'],
  [/not writable/i, () => 'votre rôle ne permet pas de modifier cette information'],
  [/shorter than or equal to (\d+)/i, (m) => `trop long (${frenchNumber(m[1])} caractères au plus)`],
  [/longer than or equal to|should not be empty|is required/i, () => 'ce champ est obligatoire'],
  [/birth date must be a past date/i, () => 'la date doit être passée et postérieure au 1er janvier 1900'],
  [/cannot be in the future/i, () => 'la date ne peut pas être dans le futur'],
  [/lapsed/i, () => 'une demande enregistrée il y a un an ou plus est caduque'],
  [/calendar date|valid ISO 8601|must be a date/i, () => 'date invalide, au format JJ/MM/AAAA'],
  [/main reason must be one of the reasons/i, () => 'le motif principal doit faire partie des motifs'],
  [/person must be/i, () => "cette personne n'est pas dans le ménage"],
  [/duplicate member id/i, () => 'cette personne figure deux fois'],
  [/merged into itself/i, () => 'un dossier ne peut pas être fusionné avec lui-même'],
  [/no such file/i, () => "ce dossier n'existe pas ou ne vous est pas accessible"],
  [/must match .* regular expression/i, () => 'format invalide'],
  [/must be one of the following values|must be a valid enum/i, () => 'valeur non reconnue'],
  [/must not be less than (-?[\d.]+)/i, (m) => `doit être au moins ${frenchNumber(m[1])}`],
  [/must not be greater than (-?[\d.]+)/i, (m) => `doit être au plus ${frenchNumber(m[1])}`],
  [/no more than (\d+) elements/i, (m) => `${frenchNumber(m[1])} au plus`],
  [/must be an integer/i, () => 'nombre entier attendu'],
  [/must be a number/i, () => 'nombre attendu, avec deux décimales au plus'],
  [/must be a boolean/i, () => 'oui ou non attendu'],
  [/must be a string/i, () => 'texte attendu'],
  [/must be an email/i, () => 'adresse électronique invalide'],
];

/** One refused field as a French line: « Téléphone : format invalide. » */
export function frenchFieldMessage(
  field: string,
  apiMessage: string,
  labels: Readonly<Record<string, string>> = {},
): string {
  const hit = DETAILS.map(([pattern, say]) => {
    const match = apiMessage.match(pattern);
    return match ? say(match) : null;
  }).find((said) => said !== null);
  return `${fieldLabel(field, labels)} : ${hit ?? 'valeur invalide'}.`;
}

/**
 * A failed write, in French. `labels` names the fields of requests other than the file's content
 * (`{ scheduledOn: 'Date du rendez-vous' }`); the file's own fields are known already.
 */
export function writeFailureOf(error: unknown, labels: Readonly<Record<string, string>> = {}): WriteFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'refused', message: UNEXPECTED_FAILURE, fields: [] };
  }
  if (error.status === 412) return { kind: 'stale', message: STALE_FILE_MESSAGE };
  const body = apiErrorBody(error);
  const details = Array.isArray(body.details) ? body.details : [];
  if (error.status === 409) {
    const reason = typeof body.message === 'string' ? body.message : '';
    const known = CONFLICTS.find(([pattern]) => pattern.test(reason));
    // A registration refused for completeness lists what is missing.
    const fields = details.map((item) => ({
      field: item.field,
      message: `${fieldLabel(item.field, labels)} : à renseigner.`,
    }));
    return { kind: 'refused', message: known ? known[1] : statusMessage(409), fields };
  }
  const fields = details.map((item) => ({
    field: item.field,
    message: frenchFieldMessage(item.field, String(item.message ?? ''), labels),
  }));
  return { kind: error.status === 400 ? 'invalid' : 'refused', message: statusMessage(error.status), fields };
}

/** The French line for one form field (`applicant.lastName`), or for any field under it. */
export function fieldMessage(failure: WriteFailure | null, field: string): string | null {
  if (!failure || failure.kind === 'stale') return null;
  const hit = failure.fields.find((item) => item.field === field || item.field.startsWith(`${field}.`));
  return hit ? hit.message : null;
}

/** Refused fields the form has no field for: shown in the summary. */
export function otherFieldMessages(failure: WriteFailure | null, shown: readonly string[]): FieldError[] {
  if (!failure || failure.kind === 'stale') return [];
  return failure.fields.filter(
    (item) => !shown.some((field) => item.field === field || item.field.startsWith(`${field}.`)),
  );
}

/** The summary's lines (each already names its field in French). */
export function otherFieldLines(failure: WriteFailure | null, shown: readonly string[]): string[] {
  return otherFieldMessages(failure, shown).map((item) => item.message);
}
