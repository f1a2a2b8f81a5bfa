import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { ReferenceController } from './reference.controller';
import { ReferenceRepository } from './reference.repository';

@Module({
  controllers: [ReferenceController, OrganizationsController],
  providers: [ReferenceRepository],
  exports: [ReferenceRepository],
})
export class ReferenceModule {}
