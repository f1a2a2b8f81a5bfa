import { Module } from '@nestjs/common';
import { StorageModule } from '@api/platform/storage/storage.module';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FileDocumentsController } from './file-documents.controller';

@Module({
  imports: [StorageModule, TimelineModule],
  controllers: [FileDocumentsController, DocumentsController],
  providers: [DocumentsRepository, DocumentsService],
})
export class DocumentsModule {}
