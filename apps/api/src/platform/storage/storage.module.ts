import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { DocumentStorage } from './document-storage';
import { EncryptedDiskStorage, documentsDirectory } from './encrypted-disk-storage';

/** The document storage, for every context that keeps bytes (documents, and later anonymisation). */
@Global()
@Module({
  providers: [
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): DocumentStorage =>
        new EncryptedDiskStorage(documentsDirectory(config.dataDir), config.documentsKey),
    },
  ],
  exports: [DocumentStorage],
})
export class StorageModule {}
