import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ApplicantFileView, Grant } from '@passerelle/shared/domain';
import { etagOf } from '@api/platform/http/if-match';
import { CodeField, DateField } from '@api/platform/http/fields';
import { RequiresAction } from '@api/app/access/action.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { ApplicantFileResponse } from '@api/app/applicant-files/dto/file-responses';
import { exportDocument } from './export-document';
import { type PersonalDataExport, PrivacyService } from './privacy.service';

export class ExportQueryDto {
  @CodeField(['json', 'html'], {
    optional: true,
    description: 'json (default) or a readable, printable html document',
  })
  format?: 'json' | 'html';
}

export class InformationNoticeDto {
  @DateField({ description: 'The day the notice was given to the applicant' }) givenOn!: string;
}

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('applicant-files/:id')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export')
  @RequiresAction('privacy.export')
  @ApiOperation({
    summary: 'Right of access: everything held about the applicant (coordinator), audited as EXPORT',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description: 'The file, its history, evaluations, flags, documents (base64), referrals, appointments',
  })
  @ApiConflictResponse({
    description: 'A document was encrypted with a key this server does not hold (DOCUMENTS_PREVIOUS_KEYS)',
    schema: { $ref: '#/components/schemas/ApiError' },
  })
  async export(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport | string> {
    const data = await this.privacy.export(principal, grant, id);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="passerelle-${id}.${query.format === 'html' ? 'html' : 'json'}"`,
    );
    if (query.format !== 'html') return data;
    res.type('text/html; charset=utf-8');
    return exportDocument(data);
  }

  @Post('information-notice')
  @RequiresAction('files.informationNotice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the applicant was given the personal-data information notice' })
  @ApiOkResponse({ type: ApplicantFileResponse })
  async informationNotice(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: InformationNoticeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const result = await this.privacy.recordInformationNotice(principal, grant, id, body.givenOn);
    res.setHeader('ETag', etagOf(result.version));
    return result.file;
  }
}
