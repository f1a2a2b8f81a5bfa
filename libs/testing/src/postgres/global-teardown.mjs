export default async function globalTeardown() {
  const s3 = globalThis.__passerelleS3;
  if (s3) {
    globalThis.__passerelleS3 = undefined;
    await s3.stop();
  }
  const server = globalThis.__passerellePostgres;
  if (server) {
    globalThis.__passerellePostgres = undefined;
    await server.stop();
  }
}
