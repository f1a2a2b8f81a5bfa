import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Grant, Page, ReferralView } from '@passerelle/shared/domain';
import { pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { CreateReferralDto, ListReferralsQueryDto, UpdateReferralDto } from './dto/referral-requests.dto';
import {
  type ReferralInboxCount,
  ReferralInboxCountResponse,
  ReferralPageResponse,
  ReferralResponse,
} from './dto/referral-responses';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequiresAction('referrals.create')
  @ApiOperation({
    summary: 'Refer a file to another organisation; suspected criteria become SUSPECTED flags',
  })
  @ApiNotFoundResponse({ description: 'The file is missing or outside your scope' })
  @ApiCreatedResponse({ type: ReferralResponse })
  create(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Body() body: CreateReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.create(principal, grant, body);
  }

  @Get()
  @RequiresAction('referrals.list')
  @AuditRead('itemsFile')
  @ApiOperation({ summary: 'Referrals sent by or addressed to your organisation, newest first' })
  @ApiOkResponse({ type: ReferralPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Query() query: ListReferralsQueryDto,
  ): Promise<Page<ReferralView>> {
    return this.referrals.list(principal, query, pageRequest(query));
  }

  @Get('inbox-count')
  @RequiresAction('referrals.list')
  @ApiOperation({ summary: 'How many referrals addressed to your organisation await an answer' })
  @ApiOkResponse({ type: ReferralInboxCountResponse })
  inboxCount(@CurrentPrincipal() principal: AuthenticatedPrincipal): Promise<ReferralInboxCount> {
    return this.referrals.inboxCount(principal);
  }

  @Get(':id')
  @RequiresAction('referrals.list')
  @AuditRead('body')
  @ApiOperation({ summary: 'A referral sent by or addressed to your organisation' })
  @ApiOkResponse({ type: ReferralResponse })
  get(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Param() { id }: IdParam,
  ): Promise<ReferralView> {
    return this.referrals.get(principal, id);
  }

  @Patch(':id')
  @RequiresAction('referrals.respond')
  @ApiOperation({
    summary: 'Answer a referral addressed to your organisation: ACCEPTED, DECLINED (with reason), then DONE',
  })
  @ApiForbiddenResponse({ description: 'Your organisation sent it: only the receiver answers' })
  @ApiConflictResponse({
    description: 'A transition the rules forbid (SENT → ACCEPTED | DECLINED → …, ACCEPTED → DONE)',
  })
  @ApiOkResponse({ type: ReferralResponse })
  answer(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Param() { id }: IdParam,
    @Body() body: UpdateReferralDto,
  ): Promise<ReferralView> {
    return this.referrals.answer(principal, id, body);
  }
}
