import type { Page } from './api/common';

/** The steps of a file's history (DOMAIN.md §8). French labels below. */
export const TIMELINE_EVENT_TYPES = [
  'FILE_CREATED',
  'FILE_UPDATED',
  'REGISTERED',
  'RENEWED',
  'RENEWAL_DUE',
  'CLOSED',
  'DUPLICATE_MERGED',
  'OFFER_MADE',
  'OFFER_REFUSED',
  'COMMISSION_DECISION',
  'LEASE_SIGNED',
  'NOTE',
  'RECEPTION_REQUESTED',
  'REFERRAL_SENT',
  'REFERRAL_ACCEPTED',
  'REFERRAL_DECLINED',
  'REFERRAL_DONE',
  'FLAG_SUSPECTED',
  'FLAG_CONFIRMED',
  'FLAG_RULED_OUT',
  'HOUSING_PROJECT_EVALUATION',
  'SOCIAL_EVALUATION',
  'WISHES_APPLIED',
  'DOCUMENT_ADDED',
  'DOCUMENT_CHECKED',
  'APPOINTMENT_BOOKED',
  'APPOINTMENT_UPDATED',
  'INFORMATION_NOTICE_GIVEN',
  'RENEWAL_REMINDED',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/**
 * Who sees an event: `ALL` every reader of the file's timeline; `REFERRAL` also the relay clerks
 * of the file; `SOCIAL` social workers with its content, others without it.
 */
export const TIMELINE_VISIBILITIES = ['ALL', 'REFERRAL', 'SOCIAL'] as const;
export type TimelineVisibility = (typeof TIMELINE_VISIBILITIES)[number];

export const TIMELINE_EVENT_LABELS: Record<TimelineEventType, string> = {
  FILE_CREATED: 'Dossier créé',
  FILE_UPDATED: 'Dossier modifié',
  REGISTERED: 'Demande enregistrée',
  RENEWED: 'Demande renouvelée',
  RENEWAL_DUE: 'Renouvellement à faire',
  CLOSED: 'Demande radiée',
  DUPLICATE_MERGED: 'Doublon rattaché à ce dossier',
  OFFER_MADE: 'Proposition de logement',
  OFFER_REFUSED: 'Refus de proposition',
  COMMISSION_DECISION: "Décision de commission d'attribution",
  LEASE_SIGNED: 'Bail signé',
  NOTE: 'Note',
  RECEPTION_REQUESTED: 'Demande de rendez-vous du demandeur',
  REFERRAL_SENT: 'Orientation envoyée',
  REFERRAL_ACCEPTED: 'Orientation acceptée',
  REFERRAL_DECLINED: 'Orientation refusée',
  REFERRAL_DONE: 'Orientation traitée',
  FLAG_SUSPECTED: 'Fragilité suspectée',
  FLAG_CONFIRMED: 'Critère de priorité confirmé',
  FLAG_RULED_OUT: 'Fragilité écartée',
  HOUSING_PROJECT_EVALUATION: 'Évaluation du projet logement enregistrée',
  SOCIAL_EVALUATION: 'Évaluation sociale enregistrée',
  WISHES_APPLIED: "Souhaits mis à jour d'après une évaluation",
  DOCUMENT_ADDED: 'Pièce justificative déposée',
  DOCUMENT_CHECKED: 'Pièce justificative contrôlée',
  APPOINTMENT_BOOKED: 'Rendez-vous fixé',
  APPOINTMENT_UPDATED: 'Rendez-vous mis à jour',
  INFORMATION_NOTICE_GIVEN: "Notice d'information remise au demandeur",
  RENEWAL_REMINDED: "Demandeur averti de l'échéance de sa demande",
};

export interface TimelineActor {
  userId?: string;
  displayName?: string;
  organizationId?: string;
  organizationName?: string;
}

export interface TimelineChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineEventView {
  id: string;
  occurredAt: string;
  type: TimelineEventType;
  /** Absent for the system's own jobs. */
  actor?: TimelineActor;
  changes?: TimelineChange[];
  details?: Record<string, unknown>;
}

export type TimelinePage = Page<TimelineEventView>;
