import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';

/** The run's S3 server, as the global setup started it (s3rver, or MinIO in a container). */
export interface TestS3Server {
  kind: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TestBucket extends TestS3Server {
  bucket: string;
  /** A client of the server, for what a test checks behind the API's back. */
  client: S3Client;
  /** The names of the objects in the bucket, sorted. */
  keys: () => Promise<string[]>;
  /** Empties and removes the bucket. */
  drop: () => Promise<void>;
}

export function testS3Server(): TestS3Server {
  const settings = process.env['PASSERELLE_TEST_S3'];
  if (!settings)
    throw new Error('No test S3 server: run the tests through Jest (its global setup starts one)');
  return JSON.parse(settings) as TestS3Server;
}

/** A fresh, empty bucket on the run's S3 server, for one test app. */
export async function createTestBucket(): Promise<TestBucket> {
  const server = testS3Server();
  const bucket = `passerelle-test-${randomBytes(6).toString('hex')}`;
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const keys = async (): Promise<string[]> => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      names.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
      token = page.NextContinuationToken;
    } while (token);
    return names.sort();
  };
  return {
    ...server,
    bucket,
    client,
    keys,
    drop: async () => {
      for (const key of await keys())
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
    },
  };
}
