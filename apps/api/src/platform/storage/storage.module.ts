import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { DocumentCipher } from './document-cipher';
import { DocumentStorage } from './document-storage';
import { EncryptedDiskStorage, documentsDirectory } from './encrypted-disk-storage';
import { S3DocumentStorage, s3Client } from './s3-document-storage';

/** The storage DOCUMENTS_STORAGE names, sealing with the documents keys. */
export function documentStorageOf(config: AppConfig): DocumentStorage {
  const cipher = new DocumentCipher(config.documentsKey, config.documentsPreviousKeys);
  const storage = config.documentsStorage;
  return storage.kind === 's3'
    ? new S3DocumentStorage(s3Client(storage), storage.bucket, cipher)
    : new EncryptedDiskStorage(documentsDirectory(config.dataDir), cipher);
}

/** The document storage, for every context that keeps bytes (documents, anonymisation, export). */
@Global()
@Module({
  providers: [{ provide: DocumentStorage, inject: [APP_CONFIG], useFactory: documentStorageOf }],
  exports: [DocumentStorage],
})
export class StorageModule {}
