// The embedded PostgreSQL of a DATA_DIR, held the way `npm start` holds it (the DATA_DIR lock, the
// same cluster and roles) but without the API, which backup-restore.int-spec.ts runs in its own
// process. Prints one JSON line (the URLs) once ready; SIGTERM stops PostgreSQL and gives DATA_DIR back.
// PASSERELLE_CLUSTER_LOCK=false: PostgreSQL alone, as a launcher killed with SIGKILL leaves it.
// Usage: node passerelle-cluster.mjs <DATA_DIR>
import { lockDataDir } from '../../../../tools/data-dir-lock.mjs';
import { startEmbeddedPostgres } from '../../../../tools/embedded-postgres.mjs';

const dataDir = process.argv[2];
const lock = process.env.PASSERELLE_CLUSTER_LOCK === 'false' ? null : await lockDataDir(dataDir, 'npm start');
const server = await startEmbeddedPostgres({
  dataDir,
  unixSocket: true,
  log: (message) => process.stderr.write(`${message}\n`),
});
process.stdout.write(
  `${JSON.stringify({
    adminUrl: server.adminUrl,
    url: server.url,
    ownerUrl: server.owner.url,
    runtimeUrl: server.runtime.url,
    pgdata: server.pgdata,
    pid: server.process.pid,
  })}\n`,
);
process.once('SIGTERM', () => {
  void server
    .stop()
    .then(() => lock?.release())
    .then(() => process.exit(0));
});
