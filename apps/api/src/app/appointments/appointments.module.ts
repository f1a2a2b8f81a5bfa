import { Module } from '@nestjs/common';
import { ApplicantFilesModule } from '@api/app/applicant-files/applicant-files.module';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsRepository } from './appointments.repository';
import { AppointmentsService } from './appointments.service';
import { ReceptionRequestsController } from './reception-requests.controller';
import { ReceptionRequestsRepository } from './reception-requests.repository';
import { ReceptionRequestsService } from './reception-requests.service';

@Module({
  imports: [ApplicantFilesModule, TimelineModule],
  controllers: [AppointmentsController, ReceptionRequestsController],
  providers: [
    AppointmentsRepository,
    AppointmentsService,
    ReceptionRequestsRepository,
    ReceptionRequestsService,
  ],
  exports: [ReceptionRequestsRepository],
})
export class AppointmentsModule {}
