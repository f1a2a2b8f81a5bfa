import type { PartnerEventType } from '@passerelle/shared/domain';

/** What each event's dialog asks, in the words of the people who record it. */
export interface PartnerEventForm {
  readonly title: string;
  readonly submit: string;
  readonly dateLabel: string;
  /** The free text: `details` in the API. */
  readonly detailsLabel: string;
  readonly detailsHint: string;
  readonly detailsRequired: boolean;
  /** `reason` in the API, required for a refused offer only. */
  readonly asksReason: boolean;
  readonly notice?: string;
}

export const PARTNER_EVENT_FORMS: Readonly<Record<PartnerEventType, PartnerEventForm>> = {
  OFFER_MADE: {
    title: 'Enregistrer une proposition de logement',
    submit: 'Enregistrer la proposition',
    dateLabel: 'Date de la proposition',
    detailsLabel: 'Logement proposé',
    detailsHint: 'Facultatif : commune, typologie, loyer…',
    detailsRequired: false,
    asksReason: false,
  },
  OFFER_REFUSED: {
    title: 'Enregistrer un refus de proposition',
    submit: 'Enregistrer le refus',
    dateLabel: 'Date du refus',
    detailsLabel: 'Précisions',
    detailsHint: 'Facultatif',
    detailsRequired: false,
    asksReason: true,
  },
  COMMISSION_DECISION: {
    title: 'Enregistrer une décision de commission',
    submit: 'Enregistrer la décision',
    dateLabel: 'Date de la commission',
    detailsLabel: 'Décision de la commission',
    detailsHint: 'Par exemple : attribution en rang 1 pour un T2 à Mourenx',
    detailsRequired: true,
    asksReason: false,
  },
  LEASE_SIGNED: {
    title: 'Enregistrer le bail signé',
    submit: 'Enregistrer le bail signé',
    dateLabel: 'Date de signature du bail',
    detailsLabel: 'Logement attribué',
    detailsHint: 'Facultatif : adresse, typologie',
    detailsRequired: false,
    asksReason: false,
    notice:
      'Le bail signé clôt la demande : elle sera radiée pour attribution (bail signé), à la date de signature.',
  },
  NOTE: {
    title: 'Ajouter une note de suivi',
    submit: 'Enregistrer la note',
    dateLabel: 'Date',
    detailsLabel: 'Note',
    detailsHint: 'Visible des partenaires qui suivent le dossier',
    detailsRequired: true,
    asksReason: false,
  },
};
