/** Codes of the applicant file's content (CERFA 14069 headings). French labels: file-labels.ts. */

export const CIVILITIES = ['MR', 'MRS'] as const;
export type Civility = (typeof CIVILITIES)[number];

export const NATIONALITIES = ['FRENCH', 'EU', 'NON_EU'] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export const FAMILY_SITUATIONS = [
  'SINGLE',
  'MARRIED',
  'PACS',
  'COHABITING',
  'DIVORCED',
  'SEPARATED',
  'WIDOWED',
] as const;
export type FamilySituation = (typeof FAMILY_SITUATIONS)[number];

export const PROFESSIONAL_SITUATIONS = [
  'EMPLOYED_PERMANENT',
  'EMPLOYED_TEMPORARY',
  'APPRENTICE',
  'SELF_EMPLOYED',
  'STUDENT',
  'JOB_SEEKER',
  'RETIRED',
  'UNABLE_TO_WORK',
  'OTHER',
] as const;
export type ProfessionalSituation = (typeof PROFESSIONAL_SITUATIONS)[number];

export const CO_APPLICANT_RELATIONSHIPS = ['SPOUSE', 'PACS_PARTNER', 'PARTNER', 'RELATIVE'] as const;
export type CoApplicantRelationship = (typeof CO_APPLICANT_RELATIONSHIPS)[number];

export const HOUSEHOLD_MEMBER_KINDS = ['DEPENDANT', 'OTHER_MEMBER', 'EXPECTED_CHILD'] as const;
export type HouseholdMemberKind = (typeof HOUSEHOLD_MEMBER_KINDS)[number];

export const HOUSEHOLD_RELATIONSHIPS = [
  'CHILD',
  'PARENT',
  'GRANDCHILD',
  'SIBLING',
  'OTHER_RELATIVE',
  'OTHER',
] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

export const HOUSING_STATUSES = [
  'SOCIAL_TENANT',
  'PRIVATE_TENANT',
  'HOSTED_BY_FAMILY',
  'HOSTED_BY_THIRD_PARTY',
  'SHELTER',
  'TRANSITIONAL_HOUSING',
  'HOTEL',
  'HOMELESS',
  'OWNER',
  'STUDENT_RESIDENCE',
  'MOBILE_HOME',
  'OTHER',
] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];

export const HOUSING_TYPES = ['HOUSE', 'FLAT'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

export const REASONS = [
  'WITHOUT_HOUSING',
  'HOSTED',
  'SHELTER_OR_TEMPORARY',
  'EVICTION_PROCEDURE',
  'NON_DECENT_HOUSING',
  'UNHEALTHY_HOUSING',
  'DEMOLITION',
  'HOUSING_SOLD_OR_REPOSSESSED',
  'FAMILY_VIOLENCE',
  'DISABILITY',
  'HEALTH',
  'TOO_EXPENSIVE',
  'TOO_SMALL',
  'TOO_BIG',
  'SEPARATION',
  'LEAVING_PARENTS',
  'FUTURE_COUPLE',
  'FAMILY_REUNION',
  'CLOSER_TO_WORK',
  'CLOSER_TO_SERVICES',
  'CLOSER_TO_FAMILY',
  'JOB_TRANSFER',
  'OWNER_IN_DIFFICULTY',
  'OTHER',
] as const;
export type Reason = (typeof REASONS)[number];

/** Who a resource or a tax income belongs to: the applicant, the co-applicant, or a member's id. */
export type PersonRef = 'APPLICANT' | 'CO_APPLICANT' | string;
