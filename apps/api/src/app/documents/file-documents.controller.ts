import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { DocumentRequirement, Grant, Page, SupportingDocumentView } from '@passerelle/shared/domain';
import { pageRequest } from '@api/platform/http/pagination';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { RequiresAction } from '@api/app/access/action.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { DocumentsService } from './documents.service';
import {
  ListDocumentsQueryDto,
  UPLOAD_DOCUMENT_SCHEMA,
  UploadDocumentDto,
} from './dto/document-requests.dto';
import {
  DocumentRequirementResponse,
  SupportingDocumentPageResponse,
  SupportingDocumentResponse,
} from './dto/document-responses';
import { DocumentUploadInterceptor, type StoredUpload } from './upload.interceptor';

const API_ERROR = { $ref: '#/components/schemas/ApiError' };

@ApiTags('documents')
@ApiBearerAuth()
@Controller('applicant-files/:id')
export class FileDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('documents')
  @RequiresAction('documents.download')
  @AuditRead('param')
  @ApiOperation({
    summary:
      "The file's supporting documents, newest first; sensitive ones are listed too, with `sensitive: true`",
  })
  @ApiOkResponse({ type: SupportingDocumentPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Query() query: ListDocumentsQueryDto,
  ): Promise<Page<SupportingDocumentView>> {
    return this.documents.list(principal, grant, id, pageRequest(query));
  }

  @Post('documents')
  @RequiresAction('documents.upload')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Upload a supporting document (PDF, JPEG or PNG, read from the bytes), stored encrypted',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_DOCUMENT_SCHEMA as never })
  @ApiCreatedResponse({ type: SupportingDocumentResponse })
  @ApiPayloadTooLargeResponse({ description: 'The file exceeds 10 MB', schema: API_ERROR })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The bytes are not a PDF, JPEG or PNG document',
    schema: API_ERROR,
  })
  upload(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: UploadDocumentDto,
    @UploadedFile() file: StoredUpload | undefined,
  ): Promise<SupportingDocumentView> {
    return this.documents.upload(principal, grant, id, body, file);
  }

  @Get('document-checklist')
  @RequiresAction('documents.download')
  @AuditRead('param')
  @ApiOperation({
    summary:
      'What the file calls for (limitative list), and whether a valid document already answers each line',
  })
  @ApiOkResponse({ type: [DocumentRequirementResponse] })
  checklist(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
  ): Promise<DocumentRequirement[]> {
    return this.documents.checklist(principal, grant, id);
  }
}
