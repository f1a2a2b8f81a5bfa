import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  FRAGILITY_CRITERION_LABELS,
  type FragilityCriterionView,
  type FragilityFlagView,
  type Grant,
  type Page,
} from '@passerelle/shared/domain';
import { PageQueryDto, pageRequest } from '@api/platform/http/pagination';
import { Transactions } from '@api/platform/database/transactions';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import {
  DecideFlagDto,
  FragilityCriterionResponse,
  FragilityFlagPageResponse,
  FragilityFlagResponse,
  SuspectFlagDto,
} from './dto/fragility.dto';
import { FragilityService } from './fragility.service';

@ApiTags('fragility')
@ApiBearerAuth()
@Controller()
export class FragilityController {
  constructor(
    private readonly fragility: FragilityService,
    private readonly transactions: Transactions,
  ) {}

  @Get('fragility-criteria')
  @RequiresAction('reference.read')
  @ApiOperation({
    summary: 'The priority criteria of CCH L441-1 in force, with their French labels (not paginated)',
  })
  @ApiOkResponse({ type: [FragilityCriterionResponse] })
  async criteria(): Promise<FragilityCriterionView[]> {
    const rows = await this.transactions.pool.query<
      { code: FragilityCriterionView['code']; version: string }[]
    >('SELECT code, version FROM fragility_criterion WHERE current ORDER BY code');
    return rows.map((row) => ({
      code: row.code,
      version: row.version,
      label: FRAGILITY_CRITERION_LABELS[row.code],
    }));
  }

  @Post('applicant-files/:id/fragility-flags')
  @RequiresAction('flags.suspect')
  @ApiOperation({ summary: 'Suspect a priority criterion (SUSPECTED until a social worker decides)' })
  @ApiCreatedResponse({ type: FragilityFlagResponse })
  suspect(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: SuspectFlagDto,
  ): Promise<FragilityFlagView> {
    return this.fragility.suspect(principal, grant, id, body);
  }

  @Get('applicant-files/:id/fragility-flags')
  @RequiresAction('flags.list')
  @AuditRead('param')
  @ApiOperation({
    summary:
      'The flags you may see: suspected (a relay clerk: its own), confirmed criteria (codes), ruled out (social workers); notes for social workers only',
  })
  @ApiOkResponse({ type: FragilityFlagPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: PageQueryDto,
  ): Promise<Page<FragilityFlagView>> {
    return this.fragility.list(principal, grant, id, pageRequest(query));
  }

  @Patch('fragility-flags/:id')
  @RequiresAction('flags.decide')
  @ApiOperation({ summary: 'Confirm or rule out a suspected flag, with a note (social workers)' })
  @ApiOkResponse({ type: FragilityFlagResponse })
  @ApiConflictResponse({ description: 'The flag was already decided' })
  decide(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: DecideFlagDto,
  ): Promise<FragilityFlagView> {
    return this.fragility.decide(principal, grant, id, body);
  }
}
