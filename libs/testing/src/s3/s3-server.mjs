// A real S3-protocol server for the run (ARCHITECTURE.md): MinIO through Testcontainers when a
// container runtime answers, otherwise s3rver (npm) on a folder. Each test app then gets a bucket.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export const S3_VARIABLE = 'PASSERELLE_TEST_S3';

async function tryMinio() {
  try {
    const { MinioContainer } = await import('@testcontainers/minio');
    const container = await new MinioContainer('minio/minio:RELEASE.2025-04-22T22-12-26Z')
      .withUsername('passerelle-test')
      .withPassword('passerelle-test-password')
      .start();
    return {
      kind: 'minio',
      endpoint: container.getConnectionUrl(),
      accessKeyId: container.getUsername(),
      secretAccessKey: container.getPassword(),
      stop: () => container.stop(),
    };
  } catch {
    return null;
  }
}

async function startS3rver() {
  const directory = await mkdtemp(join(tmpdir(), 'passerelle-test-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    kind: 's3rver',
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's own key pair: it checks the signatures.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Starts the run's S3 server and hands it to the workers through PASSERELLE_TEST_S3. */
export async function startTestS3({ containers }) {
  if (process.env[S3_VARIABLE]) return null;
  // The SDK says once per process that its releases of 2027 will want Node 22: true, and known
  // (package.json pins it), but noise in every test worker's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const server = (containers ? await tryMinio() : null) ?? (await startS3rver());
  const { stop, ...settings } = server;
  process.env[S3_VARIABLE] = JSON.stringify({ ...settings, region: 'us-east-1' });
  return { kind: server.kind, stop };
}
