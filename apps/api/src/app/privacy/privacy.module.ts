import { Module } from '@nestjs/common';
import { StorageModule } from '@api/platform/storage/storage.module';
import { ApplicantFilesModule } from '@api/app/applicant-files/applicant-files.module';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { AnonymisationJob } from './anonymisation.job';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [ApplicantFilesModule, TimelineModule, StorageModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService, AnonymisationJob],
})
export class PrivacyModule {}
