import { Module } from '@nestjs/common';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { FragilityController } from './fragility.controller';
import { FragilityRepository } from './fragility.repository';
import { FragilityService } from './fragility.service';

@Module({
  imports: [TimelineModule],
  controllers: [FragilityController],
  providers: [FragilityRepository, FragilityService],
  exports: [FragilityRepository],
})
export class FragilityModule {}
