import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@passerelle/shared/domain';
import { pageRequest, toPage } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditPageResponse, AuditQueryDto } from './audit.dto';
import { toAuditEntryView } from './audit.mapper';
import { AuditRepository } from './audit.repository';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @RequiresAction('audit.read')
  @ApiOperation({ summary: 'The access log, newest first (coordinator)' })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const page = pageRequest(query);
    const { rows, total } = await this.audit.page(query, { limit: page.pageSize, offset: page.offset });
    return toPage(rows.map(toAuditEntryView), total, page);
  }
}
