import type { ApplicantFileContent, Completeness, MissingItem } from './file';

type Check = readonly [field: string, label: string, present: (file: ApplicantFileContent) => boolean];

const has = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

/** What the registration service needs before recording the demand in the SNE (CERFA 14069). */
const FOR_REGISTRATION: readonly Check[] = [
  ['applicant.civility', 'Civilité du demandeur', (f) => has(f.applicant?.civility)],
  ['applicant.lastName', 'Nom de naissance du demandeur', (f) => has(f.applicant?.lastName)],
  ['applicant.firstNames', 'Prénoms du demandeur', (f) => has(f.applicant?.firstNames)],
  ['applicant.birthDate', 'Date de naissance du demandeur', (f) => has(f.applicant?.birthDate)],
  ['applicant.nationality', 'Nationalité du demandeur', (f) => has(f.applicant?.nationality)],
  [
    'applicant.residencePermit',
    'Titre de séjour du demandeur (hors Union européenne)',
    (f) => f.applicant?.nationality !== 'NON_EU' || has(f.applicant?.residencePermit?.validUntil),
  ],
  ['applicant.familySituation', 'Situation familiale', (f) => has(f.applicant?.familySituation)],
  [
    'contact.address',
    'Adresse actuelle',
    (f) =>
      has(f.contact?.address?.line1) && has(f.contact?.address?.postcode) && has(f.contact?.address?.city),
  ],
  ['contact.phone', 'Téléphone ou courriel', (f) => has(f.contact?.phone) || has(f.contact?.email)],
  ['currentHousing.status', 'Situation de logement actuelle', (f) => has(f.currentHousing?.status)],
  ['reasons.main', 'Motif principal de la demande', (f) => has(f.reasons?.main)],
  ['wishes.typologies', 'Typologie souhaitée', (f) => has(f.wishes?.typologies)],
  ['wishes.communes', 'Communes souhaitées', (f) => has(f.wishes?.communes)],
];

/** What instruction needs on top: the household's situation, resources and tax incomes. */
const FOR_INSTRUCTION: readonly Check[] = [
  [
    'applicant.professionalSituation',
    'Situation professionnelle du demandeur',
    (f) => has(f.applicant?.professionalSituation),
  ],
  [
    'coApplicant.identity',
    'Identité complète du co-demandeur',
    (f) =>
      !f.coApplicant ||
      (has(f.coApplicant.civility) &&
        has(f.coApplicant.nationality) &&
        has(f.coApplicant.professionalSituation)),
  ],
  ['resources.incomes', 'Ressources mensuelles du ménage', (f) => has(f.resources?.incomes)],
  [
    'resources.referenceTaxIncomes',
    'Revenu fiscal de référence (année N-2) du demandeur',
    (f) => (f.resources?.referenceTaxIncomes ?? []).some((t) => t.person === 'APPLICANT'),
  ],
  [
    'resources.referenceTaxIncomes.coApplicant',
    'Revenu fiscal de référence (année N-2) du co-demandeur',
    (f) =>
      !f.coApplicant || (f.resources?.referenceTaxIncomes ?? []).some((t) => t.person === 'CO_APPLICANT'),
  ],
  [
    'currentHousing.occupants',
    'Nombre d’occupants du logement actuel',
    (f) => has(f.currentHousing?.occupants),
  ],
  [
    'currentHousing.monthlyRent',
    'Loyer du logement actuel',
    (f) =>
      !['SOCIAL_TENANT', 'PRIVATE_TENANT'].includes(f.currentHousing?.status ?? '') ||
      has(f.currentHousing?.monthlyRent),
  ],
];

function missing(checks: readonly Check[], file: ApplicantFileContent): MissingItem[] {
  return checks.filter(([, , present]) => !present(file)).map(([field, label]) => ({ field, label }));
}

/** What is still missing to register the demand, and to instruct it. */
export function completenessOf(file: ApplicantFileContent): Completeness {
  const registration = missing(FOR_REGISTRATION, file);
  const instruction = [...registration, ...missing(FOR_INSTRUCTION, file)];
  return {
    registration: { complete: registration.length === 0, missing: registration },
    instruction: { complete: instruction.length === 0, missing: instruction },
  };
}
