import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { type Server, type Socket, createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket } from '@passerelle/testing';
import type { AppConfig } from '@api/platform/config/config';

export type StorageKind = 'disk' | 's3';

/**
 * The documents' store of a test app, seen from outside the API: what is really held, and what
 * happens to it behind Passerelle's back. The same suites run on either kind.
 */
export interface TestDocumentStore {
  kind: StorageKind;
  /** What the test app's configuration needs to use this store. */
  overrides: Partial<AppConfig>;
  /** The storage keys of the objects held, sorted (a leftover temporary file shows too). */
  keys: () => Promise<string[]>;
  /** An object's bytes as held. */
  sealed: (storageKey: string) => Promise<Buffer>;
  /** Puts bytes under a key, as an older server or an operator would have. */
  putSealed: (storageKey: string, bytes: Buffer) => Promise<void>;
  /** Removes an object behind Passerelle's back. */
  remove: (storageKey: string) => Promise<void>;
  /** Makes the store unreachable until the returned function brings it back. */
  outage: () => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}

export function testDocumentStore(kind: StorageKind): Promise<TestDocumentStore> {
  return kind === 's3' ? s3Store() : diskStore();
}

async function diskStore(): Promise<TestDocumentStore> {
  const dataDir = join(tmpdir(), `passerelle-documents-${process.pid}-${randomBytes(4).toString('hex')}`);
  const root = join(dataDir, 'documents');
  const pathOf = (key: string): string => join(root, key.slice(0, 2), key);
  return {
    kind: 'disk',
    overrides: { dataDir, documentsStorage: { kind: 'disk' } },
    keys: async () => {
      const shards = await readdir(root).catch(() => [] as string[]);
      const names = await Promise.all(shards.map((shard) => readdir(join(root, shard))));
      return names.flat().sort();
    },
    sealed: (key) => readFile(pathOf(key)),
    putSealed: async (key, bytes) => {
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(pathOf(key), bytes);
    },
    remove: (key) => rm(pathOf(key)),
    // A file where the folder was: every read and write fails (the tests run as root, whom
    // permissions would not stop).
    outage: async () => {
      await mkdir(root, { recursive: true });
      await rename(root, `${root}.away`);
      await writeFile(root, 'not a folder');
      return async () => {
        await rm(root);
        await rename(`${root}.away`, root);
      };
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function s3Store(): Promise<TestDocumentStore> {
  const bucket = await createTestBucket();
  // The app reaches the bucket through a relay the test can cut, as a network or the server would.
  const relay = await startRelay(new URL(bucket.endpoint));
  const object = { Bucket: bucket.bucket };
  return {
    kind: 's3',
    overrides: {
      documentsStorage: {
        kind: 's3',
        endpoint: `http://127.0.0.1:${relay.port}`,
        region: bucket.region,
        bucket: bucket.bucket,
        credentials: { accessKeyId: bucket.accessKeyId, secretAccessKey: bucket.secretAccessKey },
        forcePathStyle: true,
      },
    },
    keys: bucket.keys,
    sealed: async (key) => {
      const answer = await bucket.client.send(new GetObjectCommand({ ...object, Key: key }));
      return Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
    },
    putSealed: async (key, bytes) => {
      await bucket.client.send(new PutObjectCommand({ ...object, Key: key, Body: bytes }));
    },
    remove: async (key) => {
      await bucket.client.send(new DeleteObjectCommand({ ...object, Key: key }));
    },
    outage: async () => {
      await relay.cut();
      return relay.restore;
    },
    close: async () => {
      await relay.cut();
      await bucket.drop();
    },
  };
}

interface Relay {
  port: number;
  /** Refuses new connections and drops the open ones. */
  cut: () => Promise<void>;
  restore: () => Promise<void>;
}

/** A TCP relay on a fixed local port to `target`. */
async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = (port: number): Promise<number> =>
    new Promise((listening, fail) => {
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      relay.once('error', fail);
      relay.listen(port, '127.0.0.1', () => {
        server = relay;
        listening((relay.address() as { port: number }).port);
      });
    });
  const port = await listen(0);
  return {
    port,
    cut: async () => {
      const open = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (open) await new Promise((closed) => open.close(closed));
    },
    restore: async () => {
      await listen(port);
    },
  };
}
