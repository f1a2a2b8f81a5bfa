import { ValidateIf } from 'class-validator';
import {
  type Address,
  type ApplicantFileContent,
  CIVILITIES,
  CO_APPLICANT_RELATIONSHIPS,
  type CoApplicant,
  type Contact,
  type CurrentHousing,
  type DisabilityNeeds,
  FAMILY_SITUATIONS,
  HOUSEHOLD_MEMBER_KINDS,
  HOUSEHOLD_RELATIONSHIPS,
  HOUSING_STATUSES,
  HOUSING_TYPES,
  type HouseholdMember,
  INCOME_TYPES,
  type Income,
  MAX_WISHED_COMMUNES,
  NATIONALITIES,
  PROFESSIONAL_SITUATIONS,
  type Person,
  REASONS,
  type Reasons,
  type ReferenceTaxIncome,
  type ResidencePermit,
  type Resources,
  TYPOLOGIES,
  type Wishes,
} from '@passerelle/shared/domain';
import type {
  Civility,
  CoApplicantRelationship,
  FamilySituation,
  HouseholdMemberKind,
  HouseholdRelationship,
  HousingStatus,
  HousingType,
  IncomeType,
  Nationality,
  ProfessionalSituation,
  Reason,
  Typology,
} from '@passerelle/shared/domain';
import {
  AmountField,
  BooleanField,
  CodeField,
  CodesField,
  DateField,
  INSEE_CODE,
  IntField,
  NestedArrayField,
  NestedField,
  PHONE,
  POSTCODE,
  PatternField,
  PatternListField,
  TextField,
} from '@api/platform/http/fields';

const PERSON_REF = /^(APPLICANT|CO_APPLICANT|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class ResidencePermitDto implements ResidencePermit {
  @TextField(80, { optional: true, example: 'Carte de résident' }) kind?: string;
  @DateField({ optional: true }) validUntil?: string;
}

export class PersonDto implements Person {
  @CodeField(CIVILITIES, { optional: true }) civility?: Civility;
  @TextField(100, { description: 'Birth name', example: 'Dupré-Ménard' }) lastName!: string;
  @TextField(100, { optional: true, description: 'Name in use, when it differs' }) usageName?: string;
  @TextField(150, { example: 'Marie Anne' }) firstNames!: string;
  @DateField({ example: '1987-05-21' }) birthDate!: string;
  @TextField(120, { optional: true }) birthPlace?: string;
  @CodeField(NATIONALITIES, { optional: true }) nationality?: Nationality;
  @NestedField(() => ResidencePermitDto, { optional: true }) residencePermit?: ResidencePermitDto;
  @CodeField(FAMILY_SITUATIONS, { optional: true }) familySituation?: FamilySituation;
  @CodeField(PROFESSIONAL_SITUATIONS, { optional: true }) professionalSituation?: ProfessionalSituation;
  @PatternField(INSEE_CODE, 5, { optional: true, description: "INSEE code of the employer's commune" })
  employerInseeCode?: string;
  @PatternField(PHONE, 20, { optional: true }) phone?: string;
  @PatternField(EMAIL, 254, { optional: true }) email?: string;
}

export class CoApplicantDto extends PersonDto implements CoApplicant {
  @CodeField(CO_APPLICANT_RELATIONSHIPS, { optional: true }) relationship?: CoApplicantRelationship;
}

export class HouseholdMemberDto implements HouseholdMember {
  @PatternField(/^[0-9a-f-]{36}$/, 36, { optional: true, description: 'Server-made when absent' })
  id?: string;
  @CodeField(HOUSEHOLD_MEMBER_KINDS) kind!: HouseholdMemberKind;
  @CodeField(HOUSEHOLD_RELATIONSHIPS, { optional: true }) relationship?: HouseholdRelationship;
  @TextField(100, { optional: true }) lastName?: string;
  @TextField(150, { optional: true }) firstNames?: string;
  @DateField({ optional: true }) birthDate?: string;
  @ValidateIf(
    (member: HouseholdMemberDto) =>
      member.kind === 'EXPECTED_CHILD' || member.expectedBirthDate !== undefined,
  )
  @DateField({ description: 'EXPECTED_CHILD only' })
  expectedBirthDate?: string;
  @BooleanField({ optional: true }) sharedCustody?: boolean;
}

export class IncomeDto implements Income {
  @PatternField(PERSON_REF, 36, { description: 'APPLICANT, CO_APPLICANT or a household member id' })
  person!: string;
  @CodeField(INCOME_TYPES) type!: IncomeType;
  @AmountField(1_000_000) monthlyAmount!: number;
}

export class ReferenceTaxIncomeDto implements ReferenceTaxIncome {
  @PatternField(PERSON_REF, 36, { description: 'APPLICANT, CO_APPLICANT or a household member id' })
  person!: string;
  @IntField(2000, 2100, { description: 'Income year (N-2)' }) year!: number;
  @AmountField(10_000_000) amount!: number;
}

export class ResourcesDto implements Resources {
  @NestedArrayField(() => IncomeDto, 60, { optional: true }) incomes?: IncomeDto[];
  @NestedArrayField(() => ReferenceTaxIncomeDto, 30, { optional: true })
  referenceTaxIncomes?: ReferenceTaxIncomeDto[];
}

export class CurrentHousingDto implements CurrentHousing {
  @CodeField(HOUSING_STATUSES, { optional: true }) status?: HousingStatus;
  @CodeField(HOUSING_TYPES, { optional: true }) type?: HousingType;
  @IntField(0, 30, { optional: true }) rooms?: number;
  @IntField(0, 1000, { optional: true, description: 'm²' }) surface?: number;
  @IntField(0, 50, { optional: true }) occupants?: number;
  @AmountField(20_000, { optional: true }) monthlyRent?: number;
  @AmountField(20_000, { optional: true }) monthlyCharges?: number;
  @AmountField(20_000, { optional: true }) housingBenefit?: number;
  @TextField(120, { optional: true }) landlordName?: string;
  @DateField({ optional: true }) since?: string;
}

export class ReasonsDto implements Reasons {
  @CodesField(REASONS, REASONS.length) codes!: Reason[];
  @CodeField(REASONS, { optional: true, description: 'One of `codes`' }) main?: Reason;
  @TextField(1000, { optional: true }) comment?: string;
}

export class WishesDto implements Wishes {
  @CodesField(TYPOLOGIES, TYPOLOGIES.length, { optional: true }) typologies?: Typology[];
  @PatternListField(INSEE_CODE, MAX_WISHED_COMMUNES, {
    optional: true,
    description: 'INSEE codes of reference communes',
  })
  communes?: string[];
  @CodesField(HOUSING_TYPES, HOUSING_TYPES.length, { optional: true }) housingTypes?: HousingType[];
  @IntField(0, 50, { optional: true }) maxFloor?: number;
  @BooleanField({ optional: true }) liftRequired?: boolean;
  @BooleanField({ optional: true }) groundFloor?: boolean;
  @BooleanField({ optional: true }) parking?: boolean;
  @AmountField(20_000, { optional: true }) maxRent?: number;
}

export class DisabilityNeedsDto implements DisabilityNeeds {
  @BooleanField({ optional: true }) wheelchairAccess?: boolean;
  @BooleanField({ optional: true }) stepFree?: boolean;
  @BooleanField({ optional: true }) adaptedShower?: boolean;
  @BooleanField({ optional: true }) parking?: boolean;
  @TextField(1000, { optional: true }) comment?: string;
}

export class AddressDto implements Address {
  @TextField(200, { optional: true }) line1?: string;
  @TextField(200, { optional: true }) line2?: string;
  @PatternField(POSTCODE, 5, { optional: true }) postcode?: string;
  @TextField(100, { optional: true }) city?: string;
}

export class ContactDto implements Contact {
  @PatternField(PHONE, 20, { optional: true, example: '05 59 00 00 00' }) phone?: string;
  @PatternField(EMAIL, 254, { optional: true }) email?: string;
  @NestedField(() => AddressDto, { optional: true }) address?: AddressDto;
  @PatternField(INSEE_CODE, 5, { optional: true, description: "INSEE code of the applicant's commune" })
  inseeCode?: string;
}

/** Every section a user writes. Used for creation and to check a file after a merge patch. */
export class FileContentDto implements ApplicantFileContent {
  @NestedField(() => PersonDto) applicant!: PersonDto;
  @NestedField(() => CoApplicantDto, { optional: true }) coApplicant?: CoApplicantDto;
  @NestedArrayField(() => HouseholdMemberDto, 30, { optional: true }) householdMembers?: HouseholdMemberDto[];
  @NestedField(() => ResourcesDto, { optional: true }) resources?: ResourcesDto;
  @NestedField(() => CurrentHousingDto, { optional: true }) currentHousing?: CurrentHousingDto;
  @NestedField(() => ReasonsDto, { optional: true }) reasons?: ReasonsDto;
  @NestedField(() => WishesDto, { optional: true }) wishes?: WishesDto;
  @NestedField(() => DisabilityNeedsDto, { optional: true }) disabilityNeeds?: DisabilityNeedsDto;
  @NestedField(() => ContactDto, { optional: true }) contact?: ContactDto;
}
