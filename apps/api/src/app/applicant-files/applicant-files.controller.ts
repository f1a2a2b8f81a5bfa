import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  ApplicantFileSummary,
  ApplicantFileView,
  CreatedApplicantFile,
  Grant,
  Page,
  PossibleDuplicate,
  TimelineEventView,
} from '@passerelle/shared/domain';
import { IdParam } from '@api/platform/http/id-param';
import { etagOf, requiredVersion } from '@api/platform/http/if-match';
import { pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead, AuditedByStatement } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineEventResponse } from '@api/app/timeline/timeline.responses';
import { ApplicantFilesService } from './applicant-files.service';
import { FileContentDto } from './dto/file-content.dto';
import {
  ClosureDto,
  ListFilesQueryDto,
  PartnerEventDto,
  RegistrationDto,
  RenewalDto,
} from './dto/file-requests.dto';
import {
  ApplicantFilePageResponse,
  ApplicantFileResponse,
  CreatedApplicantFileResponse,
  PossibleDuplicateResponse,
} from './dto/file-responses';
import { LifecycleService } from './lifecycle.service';

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: true,
  description: 'The ETag read with the file ("<version>")',
});
const STALE = ApiPreconditionFailedResponse({
  description: 'Stale If-Match: someone changed the file; nothing was changed',
});
const MISSING_IF_MATCH = ApiResponse({ status: 428, description: 'If-Match missing' });

@ApiTags('applicant-files')
@ApiBearerAuth()
@Controller('applicant-files')
export class ApplicantFilesController {
  constructor(
    private readonly files: ApplicantFilesService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Get()
  @RequiresAction('files.list')
  @AuditedByStatement()
  @ApiOperation({ summary: 'Search and list the files in your scope' })
  @ApiOkResponse({ type: ApplicantFilePageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ListFilesQueryDto,
  ): Promise<Page<ApplicantFileSummary>> {
    return this.files.list(principal, grant, query, pageRequest(query));
  }

  @Post()
  @RequiresAction('files.create')
  @ApiOperation({ summary: 'Create a file (always 201), with the files that look like the same person' })
  @ApiCreatedResponse({ type: CreatedApplicantFileResponse })
  async create(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Body() body: FileContentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedApplicantFile> {
    const created = await this.files.create(principal, grant, body);
    res.setHeader('ETag', etagOf(created.version));
    res.setHeader('Location', `/api/applicant-files/${created.view.id}`);
    return { ...created.view, possibleDuplicates: created.possibleDuplicates };
  }

  @Get(':id')
  @RequiresAction('files.read')
  @AuditedByStatement()
  @ApiOperation({ summary: 'The file as your role may see it, with its ETag' })
  @ApiOkResponse({ type: ApplicantFileResponse })
  async get(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const file = await this.files.get(principal, grant, id);
    res.setHeader('ETag', etagOf(file.version));
    return file.view;
  }

  @Patch(':id')
  @RequiresAction('files.update')
  @ApiOperation({ summary: 'Merge patch (RFC 7396): objects merge, arrays and scalars replace, null clears' })
  @ApiBody({ type: FileContentDto, description: 'Any subset of the sections; read-only fields are refused' })
  @IF_MATCH
  @STALE
  @MISSING_IF_MATCH
  @ApiOkResponse({ type: ApplicantFileResponse })
  async update(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() patch: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const file = await this.files.update(principal, grant, id, requiredVersion(ifMatch), patch);
    res.setHeader('ETag', etagOf(file.version));
    return file.view;
  }

  @Get(':id/duplicates')
  @RequiresAction('files.duplicates')
  @AuditRead(['param', 'items'])
  @ApiOperation({ summary: 'Files that look like the same person, within your scope' })
  @ApiOkResponse({ type: [PossibleDuplicateResponse] })
  duplicates(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
  ): Promise<PossibleDuplicate[]> {
    return this.files.duplicates(principal, grant, id);
  }

  @Post(':id/registration')
  @RequiresAction('files.lifecycle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the SNE registration: REGISTERED, with its renewal due date' })
  @IF_MATCH
  @STALE
  @MISSING_IF_MATCH
  @ApiConflictResponse({ description: 'Not CONTACT, incomplete file, or SNE number already recorded' })
  @ApiOkResponse({ type: ApplicantFileResponse })
  async register(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RegistrationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const file = await this.lifecycle.register(principal, grant, id, requiredVersion(ifMatch), body);
    res.setHeader('ETag', etagOf(file.version));
    return file.view;
  }

  @Post(':id/renewal')
  @RequiresAction('files.lifecycle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew a REGISTERED or RENEWAL_DUE demand for one more year' })
  @IF_MATCH
  @STALE
  @MISSING_IF_MATCH
  @ApiConflictResponse({ description: 'The demand is not registered' })
  @ApiOkResponse({ type: ApplicantFileResponse })
  async renew(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RenewalDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const file = await this.lifecycle.renew(principal, grant, id, requiredVersion(ifMatch), body);
    res.setHeader('ETag', etagOf(file.version));
    return file.view;
  }

  @Post(':id/closure')
  @RequiresAction('files.lifecycle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the demand with its reason (MERGED needs keptFileId)' })
  @IF_MATCH
  @STALE
  @MISSING_IF_MATCH
  @ApiConflictResponse({ description: 'A transition the rules forbid' })
  @ApiOkResponse({ type: ApplicantFileResponse })
  async close(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ClosureDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicantFileView> {
    const file = await this.lifecycle.close(principal, grant, id, requiredVersion(ifMatch), body);
    res.setHeader('ETag', etagOf(file.version));
    return file.view;
  }

  @Post(':id/events')
  @RequiresAction('files.partnerEvent')
  @ApiOperation({ summary: 'Record what happened (offer, refusal, commission decision, signed lease, note)' })
  @IF_MATCH
  @STALE
  @MISSING_IF_MATCH
  @ApiConflictResponse({ description: 'The demand is closed, or not registered for a lease' })
  @ApiCreatedResponse({
    type: TimelineEventResponse,
    description: 'The event; the ETag header is the file’s new one',
  })
  async recordEvent(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PartnerEventDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimelineEventView> {
    const result = await this.lifecycle.recordEvent(principal, grant, id, requiredVersion(ifMatch), body);
    res.setHeader('ETag', etagOf(result.version));
    return result.event;
  }
}
