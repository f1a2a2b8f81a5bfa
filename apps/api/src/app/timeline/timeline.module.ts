import { Module } from '@nestjs/common';
import { TimelineController } from './timeline.controller';
import { TimelineRepository } from './timeline.repository';

@Module({
  controllers: [TimelineController],
  providers: [TimelineRepository],
  exports: [TimelineRepository],
})
export class TimelineModule {}
