import {
  type ApplicantFileContent,
  type CalendarDate,
  type CoApplicant,
  type CoApplicantRelationship,
  type Contact,
  type CurrentHousing,
  type DisabilityNeeds,
  type FamilySituation,
  type HouseholdMember,
  type HousingStatus,
  type HousingType,
  type Income,
  type Nationality,
  type Person,
  type ProfessionalSituation,
  type Reason,
  type Reasons,
  type ReferenceTaxIncome,
  type Resources,
  type Typology,
  type Wishes,
  MAX_WISHED_COMMUNES,
  nameWords,
} from '@passerelle/shared/domain';
import {
  BIRTH_PLACES_ABROAD,
  BIRTH_PLACES_FRANCE,
  type Origin,
  type Sex,
  SOCIAL_LANDLORD_NAMES,
  STREETS,
} from './name-material';
import { plusDays } from './day-cache';
import { type Prng, WeightedTable } from './prng';
import type { NameSampler } from './synthetic-names';

/** A commune as `loadCcloCommunes()` (reference.seed.ts) and `loadNearbyCommunes()` give it. */
export interface SyntheticCommune {
  inseeCode: string;
  name: string;
  postcodes: string[];
  population: number | null;
  current: boolean;
}

/** How much of the file a user has filled in. */
export type ContentLevel = 'MINIMAL' | 'PARTIAL' | 'FULL';

type HouseholdKind =
  | 'YOUNG_SINGLE'
  | 'SINGLE'
  | 'ELDERLY_SINGLE'
  | 'SINGLE_PARENT'
  | 'COUPLE'
  | 'ELDERLY_COUPLE'
  | 'COUPLE_WITH_CHILDREN'
  | 'WITH_RELATIVE';

const householdKinds = WeightedTable.of<HouseholdKind>([
  ['YOUNG_SINGLE', 14],
  ['SINGLE', 20],
  ['ELDERLY_SINGLE', 9],
  ['SINGLE_PARENT', 24],
  ['COUPLE', 8],
  ['ELDERLY_COUPLE', 3],
  ['COUPLE_WITH_CHILDREN', 19],
  ['WITH_RELATIVE', 3],
]);

/** Applicant's age: [mean, spread, min, max]. */
const AGES: Record<HouseholdKind, readonly [number, number, number, number]> = {
  YOUNG_SINGLE: [23, 4, 18, 29],
  SINGLE: [43, 12, 28, 61],
  ELDERLY_SINGLE: [74, 9, 62, 96],
  SINGLE_PARENT: [37, 9, 19, 58],
  COUPLE: [34, 11, 19, 61],
  ELDERLY_COUPLE: [71, 7, 62, 92],
  COUPLE_WITH_CHILDREN: [37, 8, 21, 58],
  WITH_RELATIVE: [45, 15, 19, 80],
};

const childCounts = WeightedTable.of([
  [1, 45],
  [2, 33],
  [3, 14],
  [4, 5],
  [5, 2],
  [6, 1],
]);

const singleSituations = WeightedTable.of<FamilySituation>([
  ['SINGLE', 50],
  ['DIVORCED', 25],
  ['SEPARATED', 15],
  ['WIDOWED', 3],
]);
const elderlySituations = WeightedTable.of<FamilySituation>([
  ['WIDOWED', 50],
  ['DIVORCED', 25],
  ['SINGLE', 20],
  ['SEPARATED', 5],
]);
const parentSituations = WeightedTable.of<FamilySituation>([
  ['SINGLE', 35],
  ['DIVORCED', 30],
  ['SEPARATED', 30],
  ['WIDOWED', 5],
]);
const coupleRelationships = WeightedTable.of<CoApplicantRelationship>([
  ['SPOUSE', 40],
  ['PACS_PARTNER', 20],
  ['PARTNER', 40],
]);
const COUPLE_SITUATION: Record<CoApplicantRelationship, FamilySituation> = {
  SPOUSE: 'MARRIED',
  PACS_PARTNER: 'PACS',
  PARTNER: 'COHABITING',
  RELATIVE: 'SINGLE',
};

const youngJobs = WeightedTable.of<ProfessionalSituation>([
  ['STUDENT', 15],
  ['APPRENTICE', 8],
  ['EMPLOYED_TEMPORARY', 30],
  ['JOB_SEEKER', 27],
  ['EMPLOYED_PERMANENT', 15],
  ['OTHER', 5],
]);
const adultJobs = WeightedTable.of<ProfessionalSituation>([
  ['EMPLOYED_PERMANENT', 35],
  ['EMPLOYED_TEMPORARY', 17],
  ['JOB_SEEKER', 22],
  ['UNABLE_TO_WORK', 9],
  ['SELF_EMPLOYED', 5],
  ['OTHER', 7],
]);

const NON_EU_SHARE: Record<Origin, number> = {
  FRENCH: 0,
  GASCON: 0,
  BASQUE: 0,
  SPANISH: 0,
  PORTUGUESE: 0,
  ITALIAN: 0,
  MAGHREB: 0.35,
  TURKISH: 0.4,
  WEST_AFRICAN: 0.45,
};
const EU_SHARE: Partial<Record<Origin, number>> = { SPANISH: 0.2, PORTUGUESE: 0.35, ITALIAN: 0.2 };
const PERMITS = ['Carte de résident', 'Carte de séjour temporaire', 'Carte de séjour pluriannuelle'];
const ALGERIAN_PERMIT = 'Certificat de résidence algérien';

const HOUSING_FOR_YOUNG = WeightedTable.of<HousingStatus>([
  ['HOSTED_BY_FAMILY', 45],
  ['PRIVATE_TENANT', 25],
  ['HOSTED_BY_THIRD_PARTY', 10],
  ['STUDENT_RESIDENCE', 5],
  ['SHELTER', 3],
  ['HOMELESS', 3],
  ['TRANSITIONAL_HOUSING', 4],
  ['SOCIAL_TENANT', 3],
  ['OTHER', 2],
]);
const HOUSING_FOR_ELDERLY = WeightedTable.of<HousingStatus>([
  ['PRIVATE_TENANT', 35],
  ['SOCIAL_TENANT', 30],
  ['OWNER', 15],
  ['HOSTED_BY_FAMILY', 15],
  ['OTHER', 5],
]);
const HOUSING_FOR_OTHERS = WeightedTable.of<HousingStatus>([
  ['PRIVATE_TENANT', 38],
  ['SOCIAL_TENANT', 22],
  ['HOSTED_BY_FAMILY', 13],
  ['HOSTED_BY_THIRD_PARTY', 8],
  ['OWNER', 4],
  ['SHELTER', 3],
  ['TRANSITIONAL_HOUSING', 3],
  ['HOTEL', 1],
  ['HOMELESS', 2],
  ['MOBILE_HOME', 2],
  ['OTHER', 2],
]);

const REASONS_BY_HOUSING: Record<HousingStatus, WeightedTable<Reason>> = {
  PRIVATE_TENANT: WeightedTable.of<Reason>([
    ['TOO_EXPENSIVE', 35],
    ['TOO_SMALL', 20],
    ['NON_DECENT_HOUSING', 8],
    ['UNHEALTHY_HOUSING', 5],
    ['EVICTION_PROCEDURE', 7],
    ['HOUSING_SOLD_OR_REPOSSESSED', 5],
    ['SEPARATION', 6],
    ['HEALTH', 4],
    ['CLOSER_TO_WORK', 4],
    ['CLOSER_TO_FAMILY', 3],
    ['OTHER', 3],
  ]),
  SOCIAL_TENANT: WeightedTable.of<Reason>([
    ['TOO_SMALL', 30],
    ['TOO_BIG', 12],
    ['HEALTH', 10],
    ['DISABILITY', 8],
    ['CLOSER_TO_WORK', 8],
    ['CLOSER_TO_FAMILY', 10],
    ['TOO_EXPENSIVE', 10],
    ['CLOSER_TO_SERVICES', 5],
    ['FAMILY_VIOLENCE', 2],
    ['OTHER', 5],
  ]),
  HOSTED_BY_FAMILY: WeightedTable.of<Reason>([
    ['HOSTED', 50],
    ['LEAVING_PARENTS', 30],
    ['SEPARATION', 10],
    ['FUTURE_COUPLE', 6],
    ['FAMILY_VIOLENCE', 2],
    ['OTHER', 2],
  ]),
  HOSTED_BY_THIRD_PARTY: WeightedTable.of<Reason>([
    ['HOSTED', 70],
    ['WITHOUT_HOUSING', 20],
    ['SEPARATION', 6],
    ['FAMILY_VIOLENCE', 4],
  ]),
  SHELTER: WeightedTable.of<Reason>([
    ['SHELTER_OR_TEMPORARY', 80],
    ['FAMILY_VIOLENCE', 10],
    ['WITHOUT_HOUSING', 10],
  ]),
  TRANSITIONAL_HOUSING: WeightedTable.of<Reason>([
    ['SHELTER_OR_TEMPORARY', 85],
    ['FAMILY_VIOLENCE', 8],
    ['WITHOUT_HOUSING', 7],
  ]),
  HOTEL: WeightedTable.of<Reason>([
    ['SHELTER_OR_TEMPORARY', 60],
    ['WITHOUT_HOUSING', 40],
  ]),
  HOMELESS: WeightedTable.of<Reason>([
    ['WITHOUT_HOUSING', 92],
    ['EVICTION_PROCEDURE', 8],
  ]),
  OWNER: WeightedTable.of<Reason>([
    ['OWNER_IN_DIFFICULTY', 30],
    ['HOUSING_SOLD_OR_REPOSSESSED', 20],
    ['SEPARATION', 20],
    ['HEALTH', 15],
    ['DISABILITY', 10],
    ['TOO_BIG', 5],
  ]),
  STUDENT_RESIDENCE: WeightedTable.of<Reason>([
    ['CLOSER_TO_WORK', 40],
    ['FUTURE_COUPLE', 20],
    ['TOO_SMALL', 20],
    ['OTHER', 20],
  ]),
  MOBILE_HOME: WeightedTable.of<Reason>([
    ['NON_DECENT_HOUSING', 50],
    ['TOO_SMALL', 30],
    ['WITHOUT_HOUSING', 20],
  ]),
  OTHER: WeightedTable.of<Reason>([
    ['OTHER', 50],
    ['HOSTED', 50],
  ]),
};

const REASON_COMMENTS = [
  'Souhaite se rapprocher de l’école des enfants.',
  'Logement actuel au deuxième étage sans ascenseur.',
  'Hébergée chez sa sœur avec ses deux enfants.',
  'Fin de bail au 30 juin.',
  'Travaille sur la plateforme de Lacq en horaires postés.',
  'Humidité importante dans le logement, signalée au propriétaire.',
  'Séparation récente, garde alternée envisagée.',
  'Souhaite un logement de plain-pied.',
];

const communeCounts = WeightedTable.of([
  [1, 20],
  [2, 25],
  [3, 20],
  [4, 12],
  [5, 8],
  [6, 6],
  [7, 4],
  [8, 5],
]);

/** The typologies a household of `size` people asks for (size counts an expected child). */
function typologiesFor(random: Prng, size: number, youngSingle: boolean): Typology[] {
  switch (Math.min(size, 7)) {
    case 1:
      if (youngSingle && random.chance(0.15)) return ['ROOM', 'T1'];
      return random.pick<Typology[]>([['T1', 'T2'], ['T2'], ['T2'], ['T1']]);
    case 2:
      return random.pick<Typology[]>([['T2'], ['T2', 'T3'], ['T3']]);
    case 3:
      return random.pick<Typology[]>([['T3'], ['T3'], ['T3', 'T4'], ['T2', 'T3']]);
    case 4:
      return random.pick<Typology[]>([['T3', 'T4'], ['T4'], ['T4']]);
    case 5:
      return random.pick<Typology[]>([['T4', 'T5'], ['T4'], ['T5']]);
    case 6:
      return random.pick<Typology[]>([['T5'], ['T5', 'T6_PLUS']]);
    default:
      return random.pick<Typology[]>([['T6_PLUS'], ['T5', 'T6_PLUS']]);
  }
}

interface DrawnPerson {
  person: Person;
  sex: Sex;
  origin: Origin;
  age: number;
}

interface Household {
  kind: HouseholdKind;
  applicant: DrawnPerson;
  coApplicant?: DrawnPerson & { person: CoApplicant };
  members: HouseholdMember[];
  children: number;
  expecting: boolean;
  size: number;
}

export interface ContentContext {
  today: CalendarDate;
  /** The applicant's commune (the file's `contact.inseeCode`). */
  home: SyntheticCommune;
  homeInTerritory: boolean;
}

/** Builds realistic file content: one household, its resources, housing, reasons and wishes. */
export class ContentBuilder {
  private readonly communes: WeightedTable<SyntheticCommune>;
  private readonly todayYear: number;

  constructor(
    private readonly random: Prng,
    private readonly names: NameSampler,
    territory: readonly SyntheticCommune[],
    private readonly today: CalendarDate,
  ) {
    this.communes = new WeightedTable(
      territory,
      territory.map((c) => c.population ?? 100),
    );
    this.todayYear = Number(today.slice(0, 4));
  }

  build(level: ContentLevel, context: ContentContext): ApplicantFileContent {
    const household = this.household();
    if (level === 'MINIMAL') return this.minimal(household, context);
    const content = this.full(household, context);
    return level === 'PARTIAL' ? this.partial(content) : content;
  }

  /** A relay clerk's first record: names, birth date, a phone number and the commune. */
  private minimal(household: Household, context: ContentContext): ApplicantFileContent {
    const { person } = household.applicant;
    const applicant: Person = {
      lastName: person.lastName,
      firstNames: person.firstNames,
      birthDate: person.birthDate,
    };
    if (person.usageName) applicant.usageName = person.usageName;
    if (this.random.chance(0.6) && person.civility) applicant.civility = person.civility;
    const contact: Contact = { inseeCode: context.home.inseeCode };
    if (this.random.chance(0.9)) contact.phone = this.phone();
    return { applicant, contact };
  }

  /** An info point's file in progress: whole sections still missing. */
  private partial(content: ApplicantFileContent): ApplicantFileContent {
    const random = this.random;
    const result: ApplicantFileContent = { ...content };
    if (random.chance(0.5)) delete result.resources;
    if (random.chance(0.4)) delete result.currentHousing;
    if (random.chance(0.4)) delete result.reasons;
    if (random.chance(0.5)) delete result.wishes;
    if (random.chance(0.3) && result.contact) {
      const { address: _address, ...contact } = result.contact;
      result.contact = contact;
    }
    return result;
  }

  private full(household: Household, context: ContentContext): ApplicantFileContent {
    const content: ApplicantFileContent = { applicant: household.applicant.person };
    if (household.coApplicant) content.coApplicant = household.coApplicant.person;
    if (household.members.length > 0) content.householdMembers = household.members;
    const currentHousing = this.currentHousing(household);
    const resources = this.resources(household, currentHousing.status);
    content.resources = resources;
    content.currentHousing = currentHousing;
    const disabilityNeeds = this.disabilityNeeds(household);
    content.reasons = this.reasons(household, currentHousing.status ?? 'OTHER', Boolean(disabilityNeeds));
    content.wishes = this.wishes(household, context, resources, Boolean(disabilityNeeds));
    if (disabilityNeeds) content.disabilityNeeds = disabilityNeeds;
    content.contact = this.contact(household.applicant.person, context);
    return content;
  }

  private household(): Household {
    const random = this.random;
    const kind = householdKinds.draw(random);
    const [mean, spread, min, max] = AGES[kind];
    const age = Math.round(random.around(mean, spread, min, max));
    const applicantSex: Sex =
      kind === 'SINGLE_PARENT' ? (random.chance(0.85) ? 'F' : 'M') : random.chance(0.5) ? 'F' : 'M';
    const applicant = this.person(applicantSex, age);
    const household: Household = { kind, applicant, members: [], children: 0, expecting: false, size: 1 };

    const couple = kind === 'COUPLE' || kind === 'ELDERLY_COUPLE' || kind === 'COUPLE_WITH_CHILDREN';
    if (couple) {
      const relationship =
        kind === 'ELDERLY_COUPLE' && random.chance(0.8) ? 'SPOUSE' : coupleRelationships.draw(random);
      const partnerSex: Sex = random.chance(0.95) ? (applicantSex === 'F' ? 'M' : 'F') : applicantSex;
      const partnerAge = Math.round(
        Math.min(98, Math.max(18, age + random.around(partnerSex === 'M' ? 2 : -2, 4, -12, 12))),
      );
      const partner = this.person(partnerSex, partnerAge);
      const situation = COUPLE_SITUATION[relationship];
      applicant.person.familySituation = situation;
      partner.person.familySituation = situation;
      household.coApplicant = { ...partner, person: { ...partner.person, relationship } };
      if (relationship === 'SPOUSE') this.marriedNames(applicant, household.coApplicant);
    } else if (kind === 'WITH_RELATIVE') {
      const relativeAge = Math.round(random.around(age, 15, 18, 95));
      const relative = this.person(random.chance(0.5) ? 'F' : 'M', relativeAge, applicant.person.lastName);
      relative.person.familySituation = relativeAge > 70 ? 'WIDOWED' : singleSituations.draw(random);
      applicant.person.familySituation = singleSituations.draw(random);
      household.coApplicant = { ...relative, person: { ...relative.person, relationship: 'RELATIVE' } };
    } else {
      applicant.person.familySituation =
        kind === 'ELDERLY_SINGLE'
          ? elderlySituations.draw(random)
          : kind === 'SINGLE_PARENT'
            ? parentSituations.draw(random)
            : kind === 'YOUNG_SINGLE'
              ? 'SINGLE'
              : singleSituations.draw(random);
      this.formerSpouseName(applicant);
    }
    if (household.coApplicant) household.size += 1;

    if (kind === 'SINGLE_PARENT' || kind === 'COUPLE_WITH_CHILDREN') {
      household.children = childCounts.draw(random);
      for (let i = 0; i < household.children; i++) household.members.push(this.child(household));
    }
    const canExpect =
      (kind === 'COUPLE' ||
        kind === 'COUPLE_WITH_CHILDREN' ||
        kind === 'SINGLE_PARENT' ||
        kind === 'YOUNG_SINGLE') &&
      age < 43 &&
      (applicantSex === 'F' || household.coApplicant?.sex === 'F');
    if (canExpect && random.chance(kind === 'COUPLE' ? 0.12 : 0.04)) {
      household.expecting = true;
      household.members.push({
        id: random.uuid(),
        kind: 'EXPECTED_CHILD',
        expectedBirthDate: plusDays(this.today, random.int(20, 220)),
      });
    }
    if (kind === 'SINGLE' && random.chance(0.04)) {
      // An elderly parent living with the applicant, not a co-applicant.
      const parent = this.person(random.chance(0.7) ? 'F' : 'M', Math.min(99, age + random.int(20, 32)));
      household.members.push({
        id: random.uuid(),
        kind: 'OTHER_MEMBER',
        relationship: 'PARENT',
        lastName: parent.person.lastName,
        firstNames: parent.person.firstNames,
        birthDate: parent.person.birthDate,
      });
    }
    household.size += household.members.length;
    return household;
  }

  private person(sex: Sex, age: number, familyName?: string): DrawnPerson {
    const random = this.random;
    const drawn = this.names.birthName();
    const origin = drawn.origin;
    const birthYear = this.todayYear - age;
    // A birth date that makes the person `age` today: within the year before today's anniversary.
    const birthDate = plusDays(
      `${birthYear}-${this.today.slice(5, 10) === '02-29' ? '02-28' : this.today.slice(5, 10)}`,
      -random.int(1, 365),
    );
    const person: Person = {
      civility: sex === 'F' ? 'MRS' : 'MR',
      lastName: familyName ?? drawn.name,
      firstNames: this.names.firstNames(sex, birthYear, origin),
      birthDate,
    };
    const nationality = this.nationality(origin, birthYear);
    person.nationality = nationality;
    if (nationality === 'NON_EU') {
      person.residencePermit = {
        kind: origin === 'MAGHREB' && random.chance(0.5) ? ALGERIAN_PERMIT : random.pick(PERMITS),
        validUntil: plusDays(this.today, random.int(30, 3650)),
      };
    }
    const abroad = BIRTH_PLACES_ABROAD[origin];
    person.birthPlace =
      abroad && (nationality !== 'FRENCH' || (birthYear < 1975 && random.chance(0.5)))
        ? random.pick(abroad)
        : random.chance(0.45)
          ? this.communes.draw(random).name
          : random.pick(BIRTH_PLACES_FRANCE);
    person.professionalSituation = this.job(age);
    if (
      (person.professionalSituation === 'EMPLOYED_PERMANENT' ||
        person.professionalSituation === 'EMPLOYED_TEMPORARY') &&
      random.chance(0.6)
    ) {
      person.employerInseeCode = this.communes.draw(random).inseeCode;
    }
    return { person, sex, origin, age };
  }

  private nationality(origin: Origin, birthYear: number): Nationality {
    const random = this.random;
    const nonEu = NON_EU_SHARE[origin] * (birthYear > 1990 ? 0.6 : 1);
    if (random.chance(nonEu)) return 'NON_EU';
    if (random.chance(EU_SHARE[origin] ?? 0.01)) return 'EU';
    return 'FRENCH';
  }

  private job(age: number): ProfessionalSituation {
    const random = this.random;
    if (age >= 63) return random.chance(0.92) ? 'RETIRED' : 'UNABLE_TO_WORK';
    if (age < 26) return youngJobs.draw(random);
    if (age >= 57 && random.chance(0.25)) return 'RETIRED';
    return adultJobs.draw(random);
  }

  /** Married couples: the wife often uses her husband's name (nom d'usage), sometimes both. */
  private marriedNames(applicant: DrawnPerson, partner: DrawnPerson): void {
    const random = this.random;
    const wife = applicant.sex === 'F' ? applicant : partner.sex === 'F' ? partner : null;
    const husband = wife === applicant ? partner : applicant;
    if (!wife || husband.sex !== 'M' || !random.chance(0.75)) return;
    wife.person.usageName = random.chance(0.15)
      ? `${husband.person.lastName}-${wife.person.lastName}`
      : husband.person.lastName;
  }

  /** Widows and some divorcees keep the name of their former husband. */
  private formerSpouseName(applicant: DrawnPerson): void {
    const random = this.random;
    const situation = applicant.person.familySituation;
    if (applicant.sex !== 'F') return;
    const chance =
      situation === 'WIDOWED' ? 0.7 : situation === 'DIVORCED' || situation === 'SEPARATED' ? 0.2 : 0;
    if (random.chance(chance)) applicant.person.usageName = this.names.birthName().name;
  }

  private child(household: Household): HouseholdMember {
    const random = this.random;
    const parent = household.applicant;
    const maxAge = Math.max(0, Math.min(24, parent.age - 17));
    const age = random.int(0, maxAge);
    const birthYear = this.todayYear - age;
    const sex: Sex = random.chance(0.5) ? 'F' : 'M';
    const father =
      parent.sex === 'M' ? parent : household.coApplicant?.sex === 'M' ? household.coApplicant : null;
    const mother =
      parent.sex === 'F' ? parent : household.coApplicant?.sex === 'F' ? household.coApplicant : null;
    let lastName: string;
    if (father && mother) {
      lastName =
        birthYear >= 2005 && random.chance(0.12)
          ? `${father.person.lastName}-${mother.person.lastName}`
          : random.chance(0.92)
            ? father.person.lastName
            : mother.person.lastName;
    } else if (father) {
      lastName = father.person.lastName;
    } else {
      lastName = random.chance(0.6) ? this.names.birthName().name : parent.person.lastName;
    }
    const member: HouseholdMember = {
      id: random.uuid(),
      kind: 'DEPENDANT',
      relationship: 'CHILD',
      lastName,
      firstNames: this.names.firstNames(sex, birthYear, parent.origin),
      birthDate: plusDays(
        `${birthYear}-${this.today.slice(5, 10) === '02-29' ? '02-28' : this.today.slice(5, 10)}`,
        -random.int(1, 365),
      ),
    };
    if (household.kind === 'SINGLE_PARENT' && random.chance(0.1)) member.sharedCustody = true;
    return member;
  }

  private incomesOf(person: Person, ref: 'APPLICANT' | 'CO_APPLICANT'): Income[] {
    const random = this.random;
    const income = (type: Income['type'], monthlyAmount: number): Income => ({
      person: ref,
      type,
      monthlyAmount,
    });
    switch (person.professionalSituation) {
      case 'EMPLOYED_PERMANENT':
        return [income('SALARY', random.amount(1250, 2600))];
      case 'EMPLOYED_TEMPORARY':
        return random.chance(0.4)
          ? [income('SALARY', random.amount(600, 1300)), income('UNEMPLOYMENT', random.amount(150, 600))]
          : [income('SALARY', random.amount(700, 1600))];
      case 'APPRENTICE':
        return [income('SALARY', random.amount(480, 1100))];
      case 'SELF_EMPLOYED':
        return [income('OTHER', random.amount(300, 1800))];
      case 'STUDENT':
        return random.chance(0.6) ? [income('GRANT', random.amount(100, 600))] : [];
      case 'JOB_SEEKER':
        return random.chance(0.6)
          ? [income('UNEMPLOYMENT', random.amount(550, 1450))]
          : [income('RSA', random.amount(560, 650))];
      case 'RETIRED':
        return [income('PENSION', random.amount(700, 1900))];
      case 'UNABLE_TO_WORK':
        return random.chance(0.5)
          ? [income('AAH', 1016.05)]
          : [income('DISABILITY_PENSION', random.amount(500, 1100))];
      default:
        return random.chance(0.7) ? [income('RSA', random.amount(560, 650))] : [];
    }
  }

  private resources(household: Household, housing: HousingStatus | undefined): Resources {
    const random = this.random;
    const incomes = this.incomesOf(household.applicant.person, 'APPLICANT');
    const coApplicant = household.coApplicant;
    if (coApplicant) incomes.push(...this.incomesOf(coApplicant.person, 'CO_APPLICANT'));
    const children = household.children;
    if (children >= 2) {
      incomes.push({
        person: 'APPLICANT',
        type: 'FAMILY_BENEFITS',
        monthlyAmount: Math.round((148.52 + (children - 2) * 190.31) * 100) / 100,
      });
    } else if (children === 1 && household.kind === 'SINGLE_PARENT' && random.chance(0.5)) {
      incomes.push({ person: 'APPLICANT', type: 'FAMILY_BENEFITS', monthlyAmount: 195.85 });
    }
    const situation = household.applicant.person.familySituation;
    if (
      household.kind === 'SINGLE_PARENT' &&
      (situation === 'DIVORCED' || situation === 'SEPARATED') &&
      random.chance(0.35)
    ) {
      incomes.push({
        person: 'APPLICANT',
        type: 'ALIMONY_RECEIVED',
        monthlyAmount: random.amount(100, 250) * children,
      });
    }
    if ((housing === 'PRIVATE_TENANT' || housing === 'SOCIAL_TENANT') && random.chance(0.55)) {
      incomes.push({ person: 'APPLICANT', type: 'HOUSING_BENEFIT', monthlyAmount: random.amount(90, 420) });
    }
    const year = this.todayYear - 2;
    const taxable = (ref: string) =>
      incomes
        .filter(
          (i) =>
            i.person === ref &&
            ['SALARY', 'UNEMPLOYMENT', 'PENSION', 'DISABILITY_PENSION', 'OTHER'].includes(i.type),
        )
        .reduce((sum, i) => sum + i.monthlyAmount, 0);
    const referenceTaxIncomes: ReferenceTaxIncome[] = [
      {
        person: 'APPLICANT',
        year,
        amount: Math.round(taxable('APPLICANT') * 12 * 0.9 * random.around(0.92, 0.15, 0.5, 1.3)),
      },
    ];
    if (coApplicant) {
      referenceTaxIncomes.push({
        person: 'CO_APPLICANT',
        year,
        amount: Math.round(taxable('CO_APPLICANT') * 12 * 0.9 * random.around(0.92, 0.15, 0.5, 1.3)),
      });
    }
    return {
      incomes: incomes.map((i) => ({ ...i, monthlyAmount: Math.round(i.monthlyAmount * 100) / 100 })),
      referenceTaxIncomes,
    };
  }

  private currentHousing(household: Household): CurrentHousing {
    const random = this.random;
    const elderly = household.kind === 'ELDERLY_SINGLE' || household.kind === 'ELDERLY_COUPLE';
    const table =
      household.kind === 'YOUNG_SINGLE'
        ? HOUSING_FOR_YOUNG
        : elderly
          ? HOUSING_FOR_ELDERLY
          : HOUSING_FOR_OTHERS;
    const status = table.draw(random);
    const size = household.size - (household.expecting ? 1 : 0);
    const housing: CurrentHousing = { status };
    const rooms = Math.max(1, Math.min(6, size - 1 + random.int(0, 2)));
    const since = plusDays(this.today, -random.int(90, 15 * 365));
    const type = (houseChance: number): HousingType => (random.chance(houseChance) ? 'HOUSE' : 'FLAT');
    switch (status) {
      case 'PRIVATE_TENANT':
      case 'SOCIAL_TENANT': {
        const social = status === 'SOCIAL_TENANT';
        Object.assign(housing, {
          type: type(social ? 0.25 : 0.4),
          rooms,
          surface: Math.round(random.around(18 + 17 * rooms, 8, 12, 200)),
          occupants: size,
          monthlyRent:
            Math.round(
              (social ? 230 + 65 * rooms : 280 + 95 * rooms) * random.around(1, 0.12, 0.7, 1.4) * 100,
            ) / 100,
          monthlyCharges: random.amount(15, 120),
          since,
        });
        if (social) housing.landlordName = random.pick(SOCIAL_LANDLORD_NAMES);
        break;
      }
      case 'HOSTED_BY_FAMILY':
      case 'HOSTED_BY_THIRD_PARTY':
        Object.assign(housing, {
          type: type(0.55),
          rooms: random.int(2, 6),
          occupants: size + random.int(1, 4),
          since,
        });
        if (random.chance(0.3)) housing.monthlyRent = random.amount(50, 200);
        break;
      case 'OWNER':
        Object.assign(housing, {
          type: type(0.8),
          rooms: rooms + 1,
          surface: Math.round(random.around(30 + 18 * rooms, 10, 25, 250)),
          occupants: size,
          since,
        });
        break;
      case 'SHELTER':
      case 'TRANSITIONAL_HOUSING':
      case 'HOTEL':
        Object.assign(housing, {
          type: 'FLAT',
          rooms: Math.min(rooms, 2),
          occupants: size,
          since: plusDays(this.today, -random.int(20, 700)),
        });
        if (random.chance(0.5)) housing.monthlyRent = random.amount(0, 300);
        break;
      case 'STUDENT_RESIDENCE':
        Object.assign(housing, {
          type: 'FLAT',
          rooms: 1,
          surface: random.int(12, 25),
          occupants: 1,
          monthlyRent: random.amount(250, 450),
          since,
        });
        break;
      case 'MOBILE_HOME':
        Object.assign(housing, { rooms: random.int(1, 2), occupants: size, since });
        if (random.chance(0.5)) housing.monthlyRent = random.amount(0, 350);
        break;
      case 'HOMELESS':
        housing.occupants = size;
        break;
      default:
        Object.assign(housing, { occupants: size + random.int(0, 2) });
    }
    return housing;
  }

  private reasons(household: Household, housing: HousingStatus, disabled: boolean): Reasons {
    const random = this.random;
    const table = REASONS_BY_HOUSING[housing];
    let main = table.draw(random);
    if (main === 'LEAVING_PARENTS' && household.applicant.age > 35) main = 'HOSTED';
    const codes = new Set<Reason>([main]);
    const extras = random.int(0, 2);
    for (let i = 0; i < extras; i++) codes.add(table.draw(random));
    const situation = household.applicant.person.familySituation;
    if ((situation === 'SEPARATED' || situation === 'DIVORCED') && random.chance(0.3))
      codes.add('SEPARATION');
    if (household.expecting && random.chance(0.6)) codes.add('TOO_SMALL');
    if (disabled) codes.add('DISABILITY');
    if ((household.kind === 'ELDERLY_SINGLE' || household.kind === 'ELDERLY_COUPLE') && random.chance(0.4)) {
      codes.add(random.chance(0.5) ? 'HEALTH' : 'CLOSER_TO_SERVICES');
    }
    if (household.applicant.person.professionalSituation === 'EMPLOYED_PERMANENT' && random.chance(0.1))
      codes.add('CLOSER_TO_WORK');
    const reasons: Reasons = { codes: [...codes].slice(0, 4), main };
    if (!reasons.codes.includes(main)) reasons.codes.unshift(main);
    if (random.chance(0.1)) reasons.comment = random.pick(REASON_COMMENTS);
    return reasons;
  }

  private disabilityNeeds(household: Household): DisabilityNeeds | undefined {
    const random = this.random;
    const applicant = household.applicant;
    const chance =
      applicant.person.professionalSituation === 'UNABLE_TO_WORK' ? 0.4 : applicant.age >= 70 ? 0.15 : 0.025;
    if (!random.chance(chance)) return undefined;
    const wheelchair = random.chance(0.3);
    const needs: DisabilityNeeds = { stepFree: true, adaptedShower: random.chance(0.6) };
    if (wheelchair) needs.wheelchairAccess = true;
    if (random.chance(0.3)) needs.parking = true;
    if (random.chance(0.2))
      needs.comment = wheelchair ? 'Fauteuil roulant manuel.' : 'Marche avec une canne.';
    return needs;
  }

  private wishes(
    household: Household,
    context: ContentContext,
    resources: Resources,
    disabled: boolean,
  ): Wishes {
    const random = this.random;
    const wishes: Wishes = {
      typologies: typologiesFor(random, household.size, household.kind === 'YOUNG_SINGLE'),
    };
    const count = Math.min(MAX_WISHED_COMMUNES, communeCounts.draw(random));
    const communes = new Set<string>();
    if (context.homeInTerritory && random.chance(0.75)) communes.add(context.home.inseeCode);
    for (let attempt = 0; communes.size < count && attempt < 40; attempt++)
      communes.add(this.communes.draw(random).inseeCode);
    wishes.communes = [...communes];
    const elderly = household.kind === 'ELDERLY_SINGLE' || household.kind === 'ELDERLY_COUPLE';
    if (elderly || disabled) {
      wishes.housingTypes = random.chance(0.6) ? ['FLAT'] : ['FLAT', 'HOUSE'];
      if (random.chance(0.5)) wishes.groundFloor = true;
      else {
        wishes.maxFloor = random.int(0, 2);
        wishes.liftRequired = random.chance(0.6);
      }
    } else {
      const roll = random.next();
      wishes.housingTypes =
        household.children > 0 && roll < 0.35 ? ['HOUSE'] : roll < 0.7 ? ['FLAT', 'HOUSE'] : ['FLAT'];
    }
    if (random.chance(0.25)) wishes.parking = true;
    if (random.chance(0.35)) {
      const monthly = (resources.incomes ?? []).reduce((sum, i) => sum + i.monthlyAmount, 0);
      wishes.maxRent = Math.max(150, Math.round((monthly * 0.3) / 10) * 10);
    }
    return wishes;
  }

  private contact(applicant: Person, context: ContentContext): Contact {
    const random = this.random;
    const { home } = context;
    const contact: Contact = { phone: this.phone(), inseeCode: home.inseeCode };
    if (random.chance(0.5)) {
      const first = nameWords(applicant.firstNames)[0] ?? 'contact';
      const last = nameWords(applicant.usageName || applicant.lastName).join('');
      const separator = random.pick(['.', '.', '', '-', '_']);
      const suffix = random.chance(0.4) ? String(random.int(1, 99)) : '';
      contact.email = `${first}${separator}${last}${suffix}@${random.pick(['example.org', 'example.net', 'example.com'])}`;
    }
    const residence = random.chance(0.15);
    contact.address = {
      line1: residence
        ? `Résidence ${random.pick(['Les Pins', 'du Parc', 'Les Chênes', 'Le Gave', 'Les Pyrénées', 'Henri IV'])}, bât. ${random.pick(['A', 'B', 'C', 'D'])}`
        : `${random.int(1, 120)}${random.chance(0.06) ? ' bis' : ''} ${random.pick(STREETS)}`,
      postcode: home.postcodes[0] ?? '64300',
      city: home.name,
    };
    if (residence) contact.address.line2 = `Appartement ${random.int(1, 48)}`;
    return contact;
  }

  /** French numbers: mostly mobiles (06, 07), some Béarn landlines (05 59). */
  phone(): string {
    const random = this.random;
    const pair = () => String(random.int(0, 99)).padStart(2, '0');
    if (random.chance(0.15)) return `05 59 ${pair()} ${pair()} ${pair()}`;
    return `0${random.chance(0.7) ? 6 : 7} ${pair()} ${pair()} ${pair()} ${pair()}`;
  }
}
