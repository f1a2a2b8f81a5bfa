import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { DocumentCipher } from './document-cipher';
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
        new EncryptedDiskStorage(
          documentsDirectory(config.dataDir),
          new DocumentCipher(config.documentsKey, config.documentsPreviousKeys),
        ),
    },
  ],
  exports: [DocumentStorage],
})
export class StorageModule {}
