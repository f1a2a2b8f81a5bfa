import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { ReferenceController } from './reference.controller';
import { ReferenceRepository } from './reference.repository';

@Module({
  controllers: [ReferenceController, OrganizationsController],
  providers: [ReferenceRepository, OrganizationsService],
  exports: [ReferenceRepository],
})
export class ReferenceModule {}
