import { Matches, ValidateIf } from 'class-validator';
import {
  type CreateReferralRequest,
  FRAGILITY_CRITERIA,
  type FragilityCriterion,
  REFERRAL_STATUSES,
  type ReferralStatus,
  type UpdateReferralRequest,
} from '@passerelle/shared/domain';
import { CodeField, CodesField, PatternField, TextField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';
import {
  REFERRAL_DIRECTIONS,
  type ReferralDirection,
  type ReferralFilters,
} from '@api/app/referrals/referrals.queries';

const NOT_BLANK = /\S/;
const ANSWERS = ['ACCEPTED', 'DECLINED', 'DONE'] as const;

export class CreateReferralDto implements CreateReferralRequest {
  @PatternField(UUID, 36, { description: 'The file referred (in your scope)' }) applicantFileId!: string;
  @PatternField(UUID, 36, { description: 'An active organisation other than yours' })
  toOrganizationId!: string;
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @TextField(2000, {
    description: 'Why the applicant is referred',
    example: 'Hébergée chez sa sœur, 4 pers. en T2',
  })
  reason!: string;
  @CodesField(FRAGILITY_CRITERIA, FRAGILITY_CRITERIA.length, {
    optional: true,
    description: 'Each becomes a SUSPECTED fragility flag on the file',
  })
  suspectedCriteria?: FragilityCriterion[];
  @TextField(500, { optional: true, example: 'Plutôt le mercredi matin' }) appointmentWish?: string;
}

export class UpdateReferralDto implements UpdateReferralRequest {
  @CodeField(ANSWERS) status!: (typeof ANSWERS)[number];
  @ValidateIf((body: UpdateReferralDto) => body.status === 'DECLINED' || body.reason !== undefined)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @TextField(2000, { description: 'Required for DECLINED' })
  reason?: string;
}

export class ListReferralsQueryDto extends PageQueryDto implements ReferralFilters {
  @CodeField(REFERRAL_DIRECTIONS, {
    optional: true,
    description: 'received: addressed to your organisation (the inbox); sent: sent by it; absent: both',
  })
  direction?: ReferralDirection;
  @CodeField(REFERRAL_STATUSES, { optional: true }) status?: ReferralStatus;
  @PatternField(UUID, 36, { optional: true }) applicantFileId?: string;
}
