// `npm run documents:migrate`: copies the documents kept under DATA_DIR/documents into the bucket
// that DOCUMENTS_STORAGE=s3 and the S3_* variables name, then reads each back and checks it
// against its record's SHA-256. Run twice, it copies nothing twice. Exits 1 on any problem.
// With DATABASE_URL it reads that database; without, the embedded PostgreSQL of `npm start`
// under DATA_DIR (stop `npm start` first: one server per data directory).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env };
env.DATA_DIR = resolve(root, env.DATA_DIR ?? '.data');
const say = (message) => process.stderr.write(`[documents:migrate] ${message}\n`);

process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');
const { runDocumentsMigration } = require(join(root, 'apps/api/src/documents-migrate.ts'));

let postgres = null;
let code = 1;
try {
  if (!env.DATABASE_URL) {
    // As `npm start` does: its mode, its cluster, the runtime role (which may read the records).
    env.PASSERELLE_MODE ??= 'demo';
    postgres = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, log: say });
    env.DATABASE_URL = postgres.runtime.url;
  }
  code = await runDocumentsMigration(env);
} catch (error) {
  say(`failed: ${error.message}`);
} finally {
  if (postgres) await postgres.stop();
}
process.exit(code);
