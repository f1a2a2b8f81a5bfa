import type {
  Civility,
  CoApplicantRelationship,
  FamilySituation,
  HouseholdMemberKind,
  HouseholdRelationship,
  HousingStatus,
  HousingType,
  Nationality,
  ProfessionalSituation,
  Reason,
} from './file-codes';

export const CIVILITY_LABELS: Record<Civility, string> = { MR: 'Monsieur', MRS: 'Madame' };

export const NATIONALITY_LABELS: Record<Nationality, string> = {
  FRENCH: 'Française',
  EU: "Ressortissant de l'Union européenne",
  NON_EU: 'Hors Union européenne',
};

export const FAMILY_SITUATION_LABELS: Record<FamilySituation, string> = {
  SINGLE: 'Célibataire',
  MARRIED: 'Marié(e)',
  PACS: 'Pacsé(e)',
  COHABITING: 'En concubinage',
  DIVORCED: 'Divorcé(e)',
  SEPARATED: 'Séparé(e)',
  WIDOWED: 'Veuf / veuve',
};

export const PROFESSIONAL_SITUATION_LABELS: Record<ProfessionalSituation, string> = {
  EMPLOYED_PERMANENT: 'Salarié(e) en CDI ou fonctionnaire',
  EMPLOYED_TEMPORARY: 'Salarié(e) en CDD, intérim ou contrat aidé',
  APPRENTICE: 'Apprenti(e)',
  SELF_EMPLOYED: 'Travailleur indépendant',
  STUDENT: 'Étudiant(e)',
  JOB_SEEKER: "Demandeur d'emploi",
  RETIRED: 'Retraité(e)',
  UNABLE_TO_WORK: 'En incapacité de travailler',
  OTHER: 'Autre situation',
};

export const CO_APPLICANT_RELATIONSHIP_LABELS: Record<CoApplicantRelationship, string> = {
  SPOUSE: 'Conjoint(e)',
  PACS_PARTNER: 'Partenaire de PACS',
  PARTNER: 'Concubin(e)',
  RELATIVE: 'Parent non à charge',
};

export const HOUSEHOLD_MEMBER_KIND_LABELS: Record<HouseholdMemberKind, string> = {
  DEPENDANT: 'Personne à charge',
  OTHER_MEMBER: 'Autre personne à loger',
  EXPECTED_CHILD: 'Enfant à naître',
};

export const HOUSEHOLD_RELATIONSHIP_LABELS: Record<HouseholdRelationship, string> = {
  CHILD: 'Enfant',
  PARENT: 'Parent',
  GRANDCHILD: 'Petit-enfant',
  SIBLING: 'Frère ou sœur',
  OTHER_RELATIVE: 'Autre membre de la famille',
  OTHER: 'Autre',
};

export const HOUSING_STATUS_LABELS: Record<HousingStatus, string> = {
  SOCIAL_TENANT: 'Locataire HLM',
  PRIVATE_TENANT: 'Locataire du parc privé',
  HOSTED_BY_FAMILY: 'Hébergé(e) par la famille',
  HOSTED_BY_THIRD_PARTY: 'Hébergé(e) par un tiers',
  SHELTER: "Structure d'hébergement",
  TRANSITIONAL_HOUSING: 'Logement temporaire ou foyer',
  HOTEL: 'Hôtel',
  HOMELESS: 'Sans abri',
  OWNER: 'Propriétaire occupant',
  STUDENT_RESIDENCE: 'Résidence étudiante',
  MOBILE_HOME: 'Caravane, mobil-home, habitat mobile',
  OTHER: 'Autre',
};

export const HOUSING_TYPE_LABELS: Record<HousingType, string> = { HOUSE: 'Maison', FLAT: 'Appartement' };

export const REASON_LABELS: Record<Reason, string> = {
  WITHOUT_HOUSING: 'Sans logement propre',
  HOSTED: 'Hébergé(e) chez des parents, des enfants ou un particulier',
  SHELTER_OR_TEMPORARY: "En structure d'hébergement ou logement temporaire",
  EVICTION_PROCEDURE: "Procédure d'expulsion",
  NON_DECENT_HOUSING: 'Logement non décent',
  UNHEALTHY_HOUSING: 'Logement insalubre ou dangereux',
  DEMOLITION: 'Logement destiné à la démolition',
  HOUSING_SOLD_OR_REPOSSESSED: 'Logement repris ou mis en vente par le propriétaire',
  FAMILY_VIOLENCE: 'Violences familiales',
  DISABILITY: 'Handicap',
  HEALTH: 'Raisons de santé',
  TOO_EXPENSIVE: 'Logement trop cher',
  TOO_SMALL: 'Logement trop petit',
  TOO_BIG: 'Logement trop grand',
  SEPARATION: 'Divorce ou séparation',
  LEAVING_PARENTS: 'Décohabitation (quitter le logement des parents)',
  FUTURE_COUPLE: 'Futur couple',
  FAMILY_REUNION: 'Regroupement familial',
  CLOSER_TO_WORK: 'Rapprochement du lieu de travail',
  CLOSER_TO_SERVICES: 'Rapprochement des équipements et services',
  CLOSER_TO_FAMILY: 'Rapprochement de la famille',
  JOB_TRANSFER: 'Mutation professionnelle',
  OWNER_IN_DIFFICULTY: 'Propriétaire en difficulté',
  OTHER: 'Autre motif',
};
