import { Module } from '@nestjs/common';
import { ApplicantFilesModule } from '@api/app/applicant-files/applicant-files.module';
import { FragilityModule } from '@api/app/fragility/fragility.module';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { ReferralsController } from './referrals.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [ApplicantFilesModule, FragilityModule, TimelineModule],
  controllers: [ReferralsController],
  providers: [ReferralsRepository, ReferralsService],
})
export class ReferralsModule {}
