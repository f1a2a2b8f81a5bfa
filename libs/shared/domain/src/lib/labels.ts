import type {
  AppointmentOutcome,
  AuditAction,
  AuditTargetType,
  AuditedField,
  ClosureReason,
  DocumentStatus,
  DocumentType,
  EvaluationKind,
  FileStatus,
  FlagStatus,
  FragilityCriterion,
  IncomeType,
  OrganizationType,
  PartnerEventType,
  ReferralStatus,
  Role,
  Typology,
} from './codes';

/** The French the users read, for every code. Nowhere else in the project. */
export const ROLE_LABELS: Record<Role, string> = {
  RELAY_CLERK: 'Agent de point-relais',
  INFO_POINT_AGENT: 'Agent de point-info',
  SOCIAL_WORKER: 'Travailleur social',
  LANDLORD_OFFICER: 'Chargé de clientèle bailleur',
  COORDINATOR: 'Coordination CCLO',
};

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  RELAY_POINT: 'Point-relais',
  INFO_POINT: 'Point-info',
  LANDLORD: 'Bailleur social',
  SOCIAL_SERVICE: 'Service social',
  INTERCOMMUNALITY: 'Intercommunalité',
};

export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  CONTACT: 'Contact',
  REGISTERED: 'Enregistrée',
  RENEWAL_DUE: 'À renouveler',
  CLOSED: 'Radiée',
};

export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  HOUSED: 'Attribution (bail signé)',
  WITHDRAWN: 'Abandon du demandeur',
  NO_REPLY: 'Absence de réponse',
  INELIGIBLE: 'Irrecevabilité',
  NOT_RENEWED: 'Non-renouvellement',
  MERGED: 'Doublon',
};

export const PARTNER_EVENT_TYPE_LABELS: Record<PartnerEventType, string> = {
  OFFER_MADE: 'Proposition de logement',
  OFFER_REFUSED: 'Refus de proposition',
  COMMISSION_DECISION: "Décision de commission d'attribution",
  LEASE_SIGNED: 'Bail signé',
  NOTE: 'Note',
};

export const TYPOLOGY_LABELS: Record<Typology, string> = {
  ROOM: 'Chambre',
  T1: 'T1',
  T2: 'T2',
  T3: 'T3',
  T4: 'T4',
  T5: 'T5',
  T6_PLUS: 'T6 et plus',
};

export const INCOME_TYPE_LABELS: Record<IncomeType, string> = {
  SALARY: 'Salaire',
  UNEMPLOYMENT: 'Allocation chômage',
  PENSION: 'Retraite',
  DISABILITY_PENSION: "Pension d'invalidité",
  AAH: 'Allocation aux adultes handicapés (AAH)',
  RSA: 'Revenu de solidarité active (RSA)',
  FAMILY_BENEFITS: 'Prestations familiales',
  HOUSING_BENEFIT: 'Aide au logement',
  ALIMONY_RECEIVED: 'Pension alimentaire reçue',
  GRANT: "Bourse d'études",
  OTHER: 'Autre ressource',
};

export const FRAGILITY_CRITERION_LABELS: Record<FragilityCriterion, string> = {
  DALO_DECISION: 'Décision favorable DALO',
  SEXUAL_VIOLENCE_AT_HOME:
    'Viol ou agression sexuelle au domicile ou à ses abords, avec mesure judiciaire à l’encontre de l’auteur',
  DISABILITY: 'Personne en situation de handicap ou ayant à charge une personne handicapée',
  LEAVING_THERAPEUTIC_FLAT: 'Sortie d’appartement de coordination thérapeutique',
  BADLY_HOUSED_DISADVANTAGED: 'Mal logé ou défavorisé, avec difficultés financières ou d’insertion',
  IN_SHELTER_OR_TRANSITIONAL_HOUSING: 'Hébergé en structure d’hébergement ou logé temporairement',
  RETURNING_TO_WORK: 'Reprise d’activité après une période de chômage de longue durée',
  UNFIT_HOUSING: 'Exposé à des situations d’habitat indigne',
  DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE: 'Violences au sein du couple ou menace de mariage forcé',
  EXITING_PROSTITUTION: 'Engagé dans un parcours de sortie de la prostitution',
  TRAFFICKING_VICTIM: 'Victime de traite des êtres humains ou de proxénétisme',
  MINOR_IN_OVERCROWDED_OR_INDECENT_HOUSING: 'Mineur logé dans un logement sur-occupé ou non décent',
  WITHOUT_HOUSING: 'Dépourvu de logement, y compris hébergé par des tiers',
  EVICTION_WITHOUT_REHOUSING: 'Menacé d’expulsion sans relogement',
  YOUNG_CARE_LEAVER: 'Jeune de moins de 21 ans sortant de l’aide sociale à l’enfance',
};

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  SUSPECTED: 'Suspectée',
  CONFIRMED: 'Confirmée',
  RULED_OUT: 'Écartée',
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  IDENTITY: "Pièce d'identité",
  RESIDENCE_PERMIT: 'Titre de séjour',
  TAX_NOTICE: "Avis d'imposition",
  FAMILY_RECORD: 'Livret de famille',
  PACS_CERTIFICATE: 'Attestation de PACS',
  SEPARATION_DECISION: 'Jugement de divorce ou de séparation',
  BIRTH_CERTIFICATE: 'Acte de naissance',
  PREGNANCY_CERTIFICATE: 'Certificat de grossesse',
  EMPLOYMENT_CONTRACT: 'Contrat de travail',
  STUDENT_CARD: "Carte d'étudiant",
  SELF_EMPLOYED_ACCOUNTS: 'Bilan (travailleur indépendant)',
  PAYSLIPS: 'Bulletins de salaire',
  BENEFIT_NOTICE: 'Notification de prestations',
  LEASE_OR_RENT_RECEIPTS: 'Bail ou quittances de loyer',
  HOSTING_CERTIFICATE: "Attestation d'hébergement",
  DOMICILIATION_CERTIFICATE: 'Attestation de domiciliation',
  EVICTION_DOCUMENT: "Jugement ou commandement d'expulsion",
  UNFIT_HOUSING_DOCUMENT: "Arrêté d'insalubrité ou de péril",
  PROTECTION_ORDER: 'Ordonnance de protection',
  DISABILITY_DECISION: 'Carte ou décision CDAPH',
  MEDICAL_CERTIFICATE: 'Certificat médical',
  OTHER_REASON_PROOF: 'Autre justificatif du motif',
};

/** A sensitive document, to whoever may not download it (ACCESS.md): in lists and timelines alike. */
export const CONFIDENTIAL_DOCUMENT_LABEL = 'Pièce confidentielle';

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  PROVIDED: 'Fournie',
  VERIFIED: 'Vérifiée',
  UNUSABLE: 'Inexploitable',
  OUT_OF_SCOPE: 'Hors liste réglementaire',
  OBSOLETE: 'Périmée',
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  SENT: 'Envoyée',
  ACCEPTED: 'Acceptée',
  DECLINED: 'Refusée',
  DONE: 'Traitée',
};

export const APPOINTMENT_OUTCOME_LABELS: Record<AppointmentOutcome, string> = {
  HONOURED: 'Honoré',
  MISSED: 'Non honoré',
  CANCELLED: 'Annulé',
};

export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  HOUSING_PROJECT: 'Évaluation du projet logement',
  SOCIAL: 'Évaluation sociale',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  READ: 'Consultation',
  CREATE: 'Création',
  UPDATE: 'Modification',
  LIFECYCLE: 'Cycle de vie',
  DOWNLOAD: 'Téléchargement',
  EXPORT: 'Export (droit d’accès)',
  LOGIN: 'Connexion',
  LOGIN_FAILED: 'Échec de connexion',
  ADMIN: 'Administration',
};

export const AUDIT_TARGET_TYPE_LABELS: Record<AuditTargetType, string> = {
  USER: 'Compte',
  ORGANIZATION: 'Organisation',
};

/** What an administration entry changed; a field without values is named only (personal, or secret). */
export const AUDITED_FIELD_LABELS: { [T in AuditTargetType]: Record<AuditedField<T>, string> } = {
  USER: {
    username: 'Identifiant',
    displayName: 'Nom et prénom',
    role: 'Rôle',
    organization: 'Organisation',
    active: 'Compte actif',
    activationCode: 'Nouveau code d’activation',
    password: 'Mot de passe choisi',
    email: 'Adresse électronique',
    proconnect: 'Compte ProConnect lié',
    secondFactor: 'Double authentification',
  },
  ORGANIZATION: {
    name: 'Nom',
    type: 'Type',
    registersDemands: 'Service enregistreur',
    inseeCode: 'Commune',
    active: 'Organisation active',
    requiresProConnect: 'Connexion par ProConnect obligatoire',
  },
};
