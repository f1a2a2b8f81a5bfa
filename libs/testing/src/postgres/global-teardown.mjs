export default async function globalTeardown() {
  const oidc = globalThis.__passerelleOidc;
  if (oidc) {
    globalThis.__passerelleOidc = undefined;
    await oidc.stop();
  }
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
