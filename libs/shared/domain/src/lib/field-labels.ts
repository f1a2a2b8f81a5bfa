/**
 * French names of the applicant file's fields, by the API's dotted path (`applicant.lastName`,
 * `householdMembers.2.birthDate`), for the messages a screen shows when the API refuses a value.
 * The wording follows the completeness labels (file/completeness.ts) where both name a field.
 */

/** Fields of a person (demandeur or co-demandeur), before « du demandeur » / « du co-demandeur ». */
const PERSON_FIELDS: Record<string, string> = {
  civility: 'Civilité',
  lastName: 'Nom de naissance',
  usageName: "Nom d'usage",
  firstNames: 'Prénoms',
  birthDate: 'Date de naissance',
  birthPlace: 'Lieu de naissance',
  nationality: 'Nationalité',
  residencePermit: 'Titre de séjour',
  'residencePermit.kind': 'Type de titre de séjour',
  'residencePermit.validUntil': 'Fin de validité du titre de séjour',
  familySituation: 'Situation familiale',
  professionalSituation: 'Situation professionnelle',
  employerInseeCode: "Commune de l'employeur",
  phone: 'Téléphone',
  email: 'Courriel',
};

function personLabels(prefix: string, suffix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(PERSON_FIELDS).map(([field, label]) => [`${prefix}.${field}`, `${label} ${suffix}`]),
  );
}

/** Array indexes are left out of the paths here: `householdMembers.birthDate`. */
export const FILE_FIELD_LABELS: Readonly<Record<string, string>> = {
  applicant: 'Demandeur',
  ...personLabels('applicant', 'du demandeur'),
  'applicant.familySituation': 'Situation familiale',
  'applicant.residencePermit': 'Titre de séjour du demandeur (hors Union européenne)',
  coApplicant: 'Co-demandeur',
  ...personLabels('coApplicant', 'du co-demandeur'),
  'coApplicant.relationship': 'Lien du co-demandeur avec le demandeur',
  'coApplicant.identity': 'Identité complète du co-demandeur',
  householdMembers: 'Personnes du ménage',
  'householdMembers.id': 'Identifiant de la personne',
  'householdMembers.kind': 'Type de personne',
  'householdMembers.relationship': 'Lien de parenté',
  'householdMembers.lastName': 'Nom',
  'householdMembers.firstNames': 'Prénoms',
  'householdMembers.birthDate': 'Date de naissance',
  'householdMembers.expectedBirthDate': 'Date de naissance prévue',
  'householdMembers.sharedCustody': 'Garde alternée',
  resources: 'Ressources',
  'resources.incomes': 'Ressources mensuelles du ménage',
  'resources.incomes.person': 'Bénéficiaire de la ressource',
  'resources.incomes.type': 'Type de ressource',
  'resources.incomes.monthlyAmount': 'Montant mensuel',
  'resources.referenceTaxIncomes': 'Revenu fiscal de référence (année N-2) du demandeur',
  'resources.referenceTaxIncomes.coApplicant': 'Revenu fiscal de référence (année N-2) du co-demandeur',
  'resources.referenceTaxIncomes.person': 'Personne du revenu fiscal de référence',
  'resources.referenceTaxIncomes.year': 'Année du revenu fiscal de référence',
  'resources.referenceTaxIncomes.amount': 'Revenu fiscal de référence',
  currentHousing: 'Logement actuel',
  'currentHousing.status': 'Situation de logement actuelle',
  'currentHousing.type': 'Type du logement actuel',
  'currentHousing.rooms': 'Nombre de pièces',
  'currentHousing.surface': 'Surface',
  'currentHousing.occupants': 'Nombre d’occupants du logement actuel',
  'currentHousing.monthlyRent': 'Loyer du logement actuel',
  'currentHousing.monthlyCharges': 'Charges mensuelles',
  'currentHousing.housingBenefit': 'Aide au logement',
  'currentHousing.landlordName': 'Propriétaire ou bailleur',
  'currentHousing.since': "Date d'entrée dans le logement",
  reasons: 'Motifs de la demande',
  'reasons.codes': 'Motifs de la demande',
  'reasons.main': 'Motif principal de la demande',
  'reasons.comment': 'Précisions sur les motifs',
  wishes: 'Souhaits',
  'wishes.typologies': 'Typologie souhaitée',
  'wishes.communes': 'Communes souhaitées',
  'wishes.housingTypes': 'Type de logement souhaité',
  'wishes.maxFloor': 'Étage maximum',
  'wishes.liftRequired': 'Ascenseur indispensable',
  'wishes.groundFloor': 'Rez-de-chaussée',
  'wishes.parking': 'Stationnement',
  'wishes.maxRent': 'Loyer maximum',
  disabilityNeeds: 'Besoins liés au handicap',
  'disabilityNeeds.wheelchairAccess': 'Accès en fauteuil roulant',
  'disabilityNeeds.stepFree': 'Accès sans marche',
  'disabilityNeeds.adaptedShower': 'Douche adaptée',
  'disabilityNeeds.parking': 'Stationnement adapté',
  'disabilityNeeds.comment': 'Précisions sur le handicap',
  contact: 'Contact',
  'contact.phone': 'Téléphone',
  'contact.email': 'Courriel',
  'contact.address': 'Adresse actuelle',
  'contact.address.line1': 'Adresse',
  'contact.address.line2': "Complément d'adresse",
  'contact.address.postcode': 'Code postal',
  'contact.address.city': 'Ville',
  'contact.inseeCode': 'Commune de résidence',
  // The lifecycle requests.
  sneNumber: 'Numéro SNE',
  registeredOn: "Date d'enregistrement",
  renewedOn: 'Date de renouvellement',
  closedOn: 'Date de radiation',
  reason: 'Motif de radiation',
  keptFileId: 'Dossier conservé',
};

/** How one line of a list is named: « personne du ménage n° 2 ». */
const ITEM_NOUNS: Readonly<Record<string, string>> = {
  householdMembers: 'personne du ménage',
  'resources.incomes': 'ressource',
  'resources.referenceTaxIncomes': 'revenu fiscal',
};

const SOME_FIELD = 'Une information';

/**
 * The French name of a field the API names by its dotted path: `householdMembers.1.birthDate` →
 * « Date de naissance (personne du ménage n° 2) ». An unknown path takes the name of its nearest
 * known parent, never the path itself. `extra` names the fields of other requests.
 */
export function fieldLabel(path: string, extra: Readonly<Record<string, string>> = {}): string {
  const keys: string[] = [];
  let item: { list: string; index: number } | undefined;
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) {
      item ??= { list: keys.join('.'), index: Number(part) };
    } else {
      keys.push(part);
    }
  }
  let label: string | undefined;
  for (let length = keys.length; length > 0 && label === undefined; length--) {
    const key = keys.slice(0, length).join('.');
    label = extra[key] ?? FILE_FIELD_LABELS[key];
  }
  if (label === undefined) return SOME_FIELD;
  if (!item) return label;
  const noun = ITEM_NOUNS[item.list];
  return noun ? `${label} (${noun} n° ${item.index + 1})` : `${label} (n° ${item.index + 1})`;
}
