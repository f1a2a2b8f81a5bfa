import { Module } from '@nestjs/common';
import { ApplicantFilesModule } from '@api/app/applicant-files/applicant-files.module';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';

@Module({
  imports: [ApplicantFilesModule, TimelineModule],
  controllers: [EvaluationsController],
  providers: [EvaluationsRepository, EvaluationsService],
})
export class EvaluationsModule {}
