import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Grant, TimelinePage } from '@passerelle/shared/domain';
import { PageQueryDto, pageRequest, toPage } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { notFound } from '@api/platform/http/domain-error';
import { TimelinePageResponse } from './timeline.responses';
import { toTimelineEventView, visibilitiesFor } from './timeline.mapper';
import { TimelineRepository } from './timeline.repository';

@ApiTags('timeline')
@ApiBearerAuth()
@Controller('applicant-files/:id/timeline')
export class TimelineController {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly fileAccess: FileAccess,
  ) {}

  @Get()
  @RequiresAction('timeline.read')
  @AuditRead('param')
  @ApiOperation({ summary: "The file's history, newest first (relay clerks: referral events only)" })
  @ApiOkResponse({ type: TimelinePageResponse })
  async list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: PageQueryDto,
  ): Promise<TimelinePage> {
    const page = pageRequest(query);
    const result = await this.timeline.page(
      id,
      this.fileAccess.scopeOf(principal, grant),
      visibilitiesFor(grant.view),
      { limit: page.pageSize, offset: page.offset },
    );
    if (!result) throw notFound('Applicant file');
    const reader = { view: grant.view, principal, organizationId: principal.organization.id };
    return toPage(
      result.rows.map((row) => toTimelineEventView(row, reader)),
      result.total,
      page,
    );
  }
}
