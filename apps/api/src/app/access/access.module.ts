import { Global, Module } from '@nestjs/common';
import { FileAccess } from './file-access';

@Global()
@Module({ providers: [FileAccess], exports: [FileAccess] })
export class AccessModule {}
