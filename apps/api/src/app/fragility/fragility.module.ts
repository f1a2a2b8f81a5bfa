import { Module } from '@nestjs/common';
import { FragilityRepository } from './fragility.repository';

@Module({
  providers: [FragilityRepository],
  exports: [FragilityRepository],
})
export class FragilityModule {}
