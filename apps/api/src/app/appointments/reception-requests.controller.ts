import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Grant, Page, ReceptionRequestView } from '@passerelle/shared/domain';
import { PageQueryDto, pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { ReceptionRequestDto } from './dto/appointment-requests.dto';
import { ReceptionRequestPageResponse, ReceptionRequestResponse } from './dto/appointment-responses';
import { ReceptionRequestsService } from './reception-requests.service';

@ApiTags('reception-requests')
@ApiBearerAuth()
@Controller('applicant-files/:id/reception-requests')
export class ReceptionRequestsController {
  constructor(private readonly requests: ReceptionRequestsService) {}

  @Post()
  @RequiresAction('files.receptionRequest')
  @ApiOperation({ summary: 'The applicant asks to be received: starts the one-month clock' })
  @ApiConflictResponse({ description: 'The demand is not registered (REGISTERED or RENEWAL_DUE)' })
  @ApiCreatedResponse({ type: ReceptionRequestResponse })
  record(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: ReceptionRequestDto,
  ): Promise<ReceptionRequestView> {
    return this.requests.record(principal, grant, id, body);
  }

  @Get()
  @RequiresAction('files.receptionRequest')
  @AuditRead('param')
  @ApiOperation({ summary: "The file's reception requests, newest first, each with the state of its clock" })
  @ApiOkResponse({ type: ReceptionRequestPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReceptionRequestView>> {
    return this.requests.list(principal, grant, id, pageRequest(query));
  }
}
