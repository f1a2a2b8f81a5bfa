import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FRAGILITY_CRITERIA,
  type FragilityCriterion,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type Page,
  REFERRAL_STATUSES,
  type ReferralStatus,
  type ReferralView,
} from '@passerelle/shared/domain';

export class ReferralApplicantResponse {
  @ApiProperty() lastName!: string;
  @ApiProperty() firstNames!: string;
}

export class ReferralSenderResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) organizationType!: OrganizationType;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class ReferralReceiverResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) organizationType!: OrganizationType;
}

export class ReferralResponse implements ReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ type: ReferralApplicantResponse, description: "The applicant's names, for inboxes" })
  applicant!: ReferralApplicantResponse;
  @ApiProperty({ type: ReferralSenderResponse }) from!: ReferralSenderResponse;
  @ApiProperty({ type: ReferralReceiverResponse }) to!: ReferralReceiverResponse;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: FRAGILITY_CRITERIA, isArray: true }) suspectedCriteria!: FragilityCriterion[];
  @ApiPropertyOptional({ nullable: true }) appointmentWish?: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiPropertyOptional({ nullable: true, description: 'Set when DECLINED' }) declineReason?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'Accepted or declined at' })
  respondedAt?: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) doneAt?: string | null;
}

export class ReferralPageResponse implements Page<ReferralView> {
  @ApiProperty({ type: [ReferralResponse] }) items!: ReferralResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export interface ReferralInboxCount {
  unhandled: number;
}

export class ReferralInboxCountResponse implements ReferralInboxCount {
  @ApiProperty({ description: 'Referrals addressed to your organisation still SENT (not answered)' })
  unhandled!: number;
}
