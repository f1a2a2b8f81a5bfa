import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@passerelle/shared/domain';
import { UNAVAILABLE_MESSAGE } from '../../../ui/api-error';
import { STALE_FILE_MESSAGE, type WriteFailure } from '../../write-outcome';

const MESSAGES: Record<number, string> = {
  0: 'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.',
  400: 'Certaines informations sont à corriger.',
  403: 'Votre compte ne permet pas d’enregistrer cet événement sur ce dossier.',
  404: 'Ce dossier n’existe pas ou ne vous est plus accessible.',
  409: 'La demande est radiée, ou pas encore enregistrée pour un bail : l’événement n’a pas été enregistré.',
  428: 'La version du dossier manque : rechargez la page.',
  503: UNAVAILABLE_MESSAGE,
};

const FIELD_MESSAGES: Record<string, string> = {
  occurredOn: 'Date : ni dans le futur, ni avant l’enregistrement de la demande pour un bail.',
  details: 'Précisions : à renseigner, 2 000 caractères au plus.',
  reason: 'Motif : à renseigner, 1 000 caractères au plus.',
};

/** A refused partner event, in French: the API's English words are never shown. */
export function partnerEventFailure(error: unknown): WriteFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'refused', message: 'Une erreur inattendue est survenue.', fields: [] };
  }
  if (error.status === 412) return { kind: 'stale', message: STALE_FILE_MESSAGE };
  const body: Partial<ApiError> =
    typeof error.error === 'object' && error.error !== null ? (error.error as Partial<ApiError>) : {};
  const fields = (Array.isArray(body.details) ? body.details : []).map((item) => ({
    field: item.field,
    message: FIELD_MESSAGES[item.field] ?? 'Une information est à corriger.',
  }));
  return {
    kind: error.status === 400 ? 'invalid' : 'refused',
    message: MESSAGES[error.status] ?? 'L’événement n’a pas pu être enregistré. Réessayez.',
    fields,
  };
}
