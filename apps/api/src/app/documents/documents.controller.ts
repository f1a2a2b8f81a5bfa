import { Body, Controller, Get, Param, Patch, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_MEDIA_TYPES, type Grant, type SupportingDocumentView } from '@passerelle/shared/domain';
import { RequiresAction } from '@api/app/access/action.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { attachmentDisposition } from './document-names';
import { DocumentsService } from './documents.service';
import { UpdateDocumentDto } from './dto/document-requests.dto';
import { SupportingDocumentResponse } from './dto/document-responses';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/content')
  @RequiresAction('documents.download')
  @ApiOperation({
    summary:
      'The bytes, as an attachment. A sensitive document needs the right to download sensitive documents (403 otherwise)',
  })
  @ApiProduces(...DOCUMENT_MEDIA_TYPES)
  @ApiOkResponse({
    description: 'The document (Content-Disposition: attachment)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiForbiddenResponse({
    description: 'Your role may not download documents, or not this sensitive one',
    schema: { $ref: '#/components/schemas/ApiError' },
  })
  @ApiConflictResponse({
    description: 'The document was encrypted with a key this server does not hold (DOCUMENTS_PREVIOUS_KEYS)',
    schema: { $ref: '#/components/schemas/ApiError' },
  })
  async content(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const document = await this.documents.content(principal, grant, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    // Should a browser open it anyway, nothing in it runs.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(document.bytes, {
      type: document.mediaType,
      length: document.bytes.length,
      disposition: attachmentDisposition(document.fileName),
    });
  }

  @Patch(':id')
  @RequiresAction('documents.verify')
  @ApiOperation({
    summary:
      'Check a document: status (reason required for UNUSABLE and OUT_OF_SCOPE), validity, sensitivity. Never deletes it',
  })
  @ApiOkResponse({ type: SupportingDocumentResponse })
  check(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
    @Body() body: UpdateDocumentDto,
  ): Promise<SupportingDocumentView> {
    return this.documents.check(principal, grant, id, body);
  }
}
