import { Module } from '@nestjs/common';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { ApplicantFilesController } from './applicant-files.controller';
import { ApplicantFilesRepository } from './applicant-files.repository';
import { ApplicantFilesService } from './applicant-files.service';
import { LifecycleService } from './lifecycle.service';
import { RenewalJob } from './renewal.job';

@Module({
  imports: [TimelineModule],
  controllers: [ApplicantFilesController],
  providers: [ApplicantFilesRepository, ApplicantFilesService, LifecycleService, RenewalJob],
  exports: [ApplicantFilesService, ApplicantFilesRepository],
})
export class ApplicantFilesModule {}
