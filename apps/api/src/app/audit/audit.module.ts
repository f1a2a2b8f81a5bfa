import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditRetentionJob } from './audit-retention.job';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditRetentionJob],
  exports: [AuditRepository],
})
export class AuditModule {}
