import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { S3StorageConfig } from '@api/platform/config/config';
import type { DocumentCipher } from './document-cipher';
import {
  DocumentStorage,
  StorageObjectNotFoundError,
  StorageUnavailableError,
  assertStorageKey,
} from './document-storage';

/** S3's smallest part but the last: what an upload holds in memory at most, whatever the document's size. */
const PART_BYTES = 5 * 1024 * 1024;

/** The client of the bucket: short connection timeout and few attempts, so that an unreachable store answers 503 soon. */
export function s3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
  });
}

/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, Scaleway, OVHcloud…), sealed by
 * DocumentCipher before they leave the process: the bucket only ever holds ciphertext, under the
 * server-made key as object name. A write streams: the envelope goes up in parts of 5 MiB as the
 * plain bytes arrive (one PutObject below that size), and a failed write leaves no object.
 */
export class S3DocumentStorage extends DocumentStorage implements OnModuleDestroy {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly cipher: DocumentCipher,
  ) {
    super();
  }

  /** Its connections go with the app. */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  async write(key: string, source: Readable): Promise<void> {
    assertStorageKey(key);
    const sealing = this.cipher.sealing(key);
    // The source's own failure (a refused document, a client gone) is the one to report, not the
    // bucket's answer to the aborted upload.
    let sourceError: unknown;
    source.on('error', (error: unknown) => {
      sourceError ??= error;
      sealing.destroy(error as Error);
    });
    sealing.on('error', (error: unknown) => (sourceError ??= error));
    source.pipe(sealing);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: sealing, ContentType: 'application/octet-stream' },
      partSize: PART_BYTES,
      queueSize: 1,
      // An interrupted multipart upload is aborted: no parts are left to be billed or assembled.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      if (sourceError !== undefined) throw sourceError;
      source.unpipe(sealing);
      source.destroy();
      throw unavailable(error);
    }
    if (sourceError !== undefined) {
      // The bucket has it whole only if the source ended well: never keep a half.
      await this.delete(key);
      throw sourceError;
    }
  }

  async putSealed(key: string, envelope: Buffer): Promise<void> {
    assertStorageKey(key);
    await this.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: envelope,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    return this.cipher.open(key, await this.getSealed(key));
  }

  async getSealed(key: string): Promise<Buffer> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) throw new StorageObjectNotFoundError(key);
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError) throw error;
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === 'NoSuchKey'))
        throw new StorageObjectNotFoundError(key);
      throw unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers a delete of a missing object with success.
    await this.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  private async send(command: PutObjectCommand | DeleteObjectCommand): Promise<void> {
    try {
      // One call per command type keeps the SDK's overloads happy.
      if (command instanceof PutObjectCommand) await this.client.send(command);
      else await this.client.send(command);
    } catch (error) {
      throw unavailable(error);
    }
  }
}

/** Whatever kept the bucket from answering: the S3 error's name or the network error's code, never more. */
function unavailable(error: unknown): StorageUnavailableError {
  if (error instanceof StorageUnavailableError) return error;
  if (error instanceof S3ServiceException) {
    return new StorageUnavailableError(`${error.name}, HTTP ${error.$metadata.httpStatusCode ?? '?'}`);
  }
  const { code, name } = error as { code?: unknown; name?: unknown };
  return new StorageUnavailableError(
    typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown error',
  );
}
