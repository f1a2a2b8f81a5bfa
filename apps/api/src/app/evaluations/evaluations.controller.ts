import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ApplicantFileView, EvaluationView, Grant, Page } from '@passerelle/shared/domain';
import { etagOf, requiredVersion } from '@api/platform/http/if-match';
import { PageQueryDto, pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { ApplicantFileResponse } from '@api/app/applicant-files/dto/file-responses';
import { CreateEvaluationDto, EvaluationPageResponse, EvaluationResponse } from './dto/evaluation.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post('applicant-files/:id/evaluations')
  @RequiresAction('evaluations.housingProject.write')
  @ApiOperation({ summary: 'Log an evaluation (SOCIAL: social workers only)' })
  @ApiCreatedResponse({ type: EvaluationResponse })
  create(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: CreateEvaluationDto,
  ): Promise<EvaluationView> {
    return this.evaluations.create(principal, grant, id, body);
  }

  @Get('applicant-files/:id/evaluations')
  @RequiresAction('evaluations.housingProject.read')
  @AuditRead('param')
  @ApiOperation({ summary: "The file's evaluations, newest first (social ones to social workers only)" })
  @ApiOkResponse({ type: EvaluationPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: PageQueryDto,
  ): Promise<Page<EvaluationView>> {
    return this.evaluations.list(principal, grant, id, pageRequest(query));
  }

  @Post('evaluations/:id/apply-wishes')
  @RequiresAction('evaluations.housingProject.write')
  @HttpCode(200)
  @ApiOperation({
    summary: "The author applies the recommended typologies and communes to the file's wishes",
  })
  @ApiHeader({ name: 'If-Match', required: true, description: "The file's ETag" })
  @ApiPreconditionFailedResponse({ description: 'The file changed since it was read' })
  @ApiOkResponse({
    type: ApplicantFileResponse,
    description: 'The updated file (ETag header: its new version)',
  })
  async applyWishes(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const result = await this.evaluations.applyWishes(principal, id, requiredVersion(ifMatch));
    res.setHeader('ETag', etagOf(result.version));
    return result.file;
  }
}
