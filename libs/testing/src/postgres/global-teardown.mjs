export default async function globalTeardown() {
  const server = globalThis.__passerellePostgres;
  if (server) {
    globalThis.__passerellePostgres = undefined;
    await server.stop();
  }
}
