// `npm start`: Passerelle in one command. Builds what is missing (Nx cache), starts an embedded
// PostgreSQL under DATA_DIR unless DATABASE_URL names a server, then runs the API, which serves
// the back office on the same port. Ctrl-C stops everything, PostgreSQL included; a PostgreSQL that
// dies meanwhile is started again (the API answers 503 until it is back).
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirBusy, lockDataDir } from './data-dir-lock.mjs';
import { superviseEmbeddedPostgres } from './embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const startedAt = Date.now();
const env = { ...process.env };
env.PASSERELLE_MODE ??= 'demo';
// A person at a terminal reads the demo's log: one short line per event. Production: JSON lines.
if (env.PASSERELLE_MODE === 'demo') env.LOG_FORMAT ??= 'pretty';
env.PORT ??= '3000';
env.DATA_DIR = resolve(root, env.DATA_DIR ?? '.data');
env.NX_DAEMON = 'false';

const say = (message) => process.stderr.write(`[passerelle] ${message}\n`);
const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

const MODES = {
  demo: 'demo mode: demo accounts and fictitious applicants, never real people',
  production: 'production mode: no demo account, real secrets required',
};
// The first line says which mode runs: nobody should type real people into a demo, or the reverse.
say(
  MODES[env.PASSERELLE_MODE]
    ? `Passerelle in ${MODES[env.PASSERELLE_MODE]}`
    : `Passerelle in mode ${env.PASSERELLE_MODE}`,
);

// DATA_DIR is ours while Passerelle runs: a second `npm start` or a restore on it is refused
// (README.md, « Exploitation »); the lock goes when this process exits, however it exits.
try {
  await lockDataDir(env.DATA_DIR, 'npm start');
} catch (error) {
  say(
    error instanceof DataDirBusy
      ? `could not start: ${error.message}. Stop that one first.`
      : `could not start: ${error.message}`,
  );
  process.exit(1);
}

function run(command, args, options = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolveRun()
        : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

async function build() {
  if (env.PASSERELLE_SKIP_BUILD === 'true') {
    if (!existsSync(join(root, 'dist/apps/api/main.js')))
      throw new Error('PASSERELLE_SKIP_BUILD set but dist/ is empty');
    return;
  }
  say('building the API and the back office (cached after the first time)…');
  // Nx's own entry point, wherever this version keeps it.
  const require = createRequire(join(root, 'package.json'));
  const nx = join(dirname(require.resolve('nx/package.json')), require('nx/package.json').bin.nx);
  await run(
    process.execPath,
    [
      nx,
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'back-office',
      '--parallel=2',
      '--outputStyle=stream-without-prefixes',
    ],
    // Types are checked by the typecheck targets (CI runs them), not by the back office's build
    // here, as for the API's (apps/api/webpack.config.js): the check was a fifth of its time.
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, NG_BUILD_TYPE_CHECK: '0' } },
  );
  say(`API and back office built at ${seconds()}`);
}

// The embedded PostgreSQL, once asked for (a promise of it: a stop during its start still stops it).
let postgres = Promise.resolve(null);
let api;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  if (api && api.exitCode === null) {
    // The API finishes its requests (up to 10 s) and its jobs before it exits; PostgreSQL stays up meanwhile.
    api.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        api.kill('SIGKILL');
        r();
      }, 20_000);
      api.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  }
  await (await postgres.catch(() => null))?.stop();
  say('stopped.');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

/**
 * Demo mode without OIDC_ISSUER: the stand-in ProConnect of tools/oidc (fictitious agents), so that
 * « S'identifier avec ProConnect » works out of the box. Never in production; `oidc-provider` is a
 * development dependency, so an install without them only loses this button.
 */
async function startStandInProConnect() {
  if (env.PASSERELLE_MODE !== 'demo' || env.OIDC_ISSUER) return;
  const scheme = env.TLS_CERT_FILE ? 'https' : 'http';
  env.PUBLIC_URL ??= `${scheme}://localhost:${env.PORT}`;
  try {
    const { startStandInProvider } = await import('./oidc/stand-in-provider.mjs');
    // Its notices (Node 22 wanted, in-memory store) are known: the demo's terminal stays readable.
    const warn = console.warn;
    console.warn = () => undefined;
    const provider = await startStandInProvider({
      redirectUris: [`${env.PUBLIC_URL}/api/auth/proconnect/callback`],
      postLogoutRedirectUris: [`${env.PUBLIC_URL}/`],
    }).finally(() => {
      console.warn = warn;
    });
    env.OIDC_ISSUER = provider.issuer;
    env.OIDC_CLIENT_ID = provider.clientId;
    env.OIDC_CLIENT_SECRET = provider.clientSecret;
    say(
      `stand-in ProConnect (fictitious agents) at ${provider.issuer}; open Passerelle at ${env.PUBLIC_URL}`,
    );
  } catch (error) {
    say(`no stand-in ProConnect (${error.message}): password sign-in only`);
  }
}

try {
  postgres = env.DATABASE_URL
    ? Promise.resolve(null)
    : superviseEmbeddedPostgres(
        {
          dataDir: env.DATA_DIR,
          port: Number(env.PG_PORT ?? 0) || undefined,
          // The API on the same machine talks to it over the Unix socket (cheaper than TCP) when it fits.
          unixSocket: true,
          // Ctrl-C reaches the API and this launcher, which stops PostgreSQL once the API is done.
          detached: true,
          log: say,
        },
        {
          onGiveUp: () => {
            say('PostgreSQL could not be started again: stopping Passerelle');
            void shutdown(1);
          },
        },
      ).then((pg) => {
        // Each step says when it is done: a slow start shows where its time went.
        say(
          `embedded PostgreSQL 17 ready at ${seconds()} on 127.0.0.1:${pg.port}${pg.socketUrl ? ' and its Unix socket' : ''} (data in ${pg.pgdata})`,
        );
        return pg;
      });
  const [pg] = await Promise.all([postgres, build(), startStandInProConnect()]);
  if (pg) {
    // Two roles, as in production: the API serves as the runtime role and migrates as the owner.
    env.DATABASE_URL = pg.runtime.socketUrl ?? pg.runtime.url;
    env.MIGRATION_DATABASE_URL = pg.owner.socketUrl ?? pg.owner.url;
  }
  // Stopped while starting: shutdown() stops PostgreSQL, then exits.
  if (stopping) await new Promise(() => undefined);
  api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  api.on('exit', (code, signal) => {
    if (!stopping) {
      say(`the API stopped (${signal ?? code})`);
      void shutdown(code ?? 1);
    }
  });
  // With TLS_CERT_FILE the API serves HTTPS itself, with a certificate for its public name, which
  // this probe of localhost does not check.
  const tls = Boolean(env.TLS_CERT_FILE);
  const url = `${tls ? 'https' : 'http'}://localhost:${env.PORT}`;
  const answers = (path) =>
    new Promise((resolveProbe) =>
      (tls ? httpsGet : httpGet)(`${url}${path}`, { rejectUnauthorized: false }, (response) => {
        response.resume();
        resolveProbe(response.statusCode === 200);
      }).on('error', () => resolveProbe(false)),
    );
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      if (await answers('/api/health')) {
        // The API documentation is off in production unless API_DOCS=true: name it only when served.
        const docs = await answers('/api/docs-json');
        say(`ready in ${seconds()}: ${url}${docs ? `  (API documentation: ${url}/api/docs)` : ''}`);
        if (env.PASSERELLE_MODE === 'production' && !tls)
          say(
            'production answers only what came through TLS: a proxy that TRUST_PROXY names in front (README, « Deployment »), or TLS_CERT_FILE and TLS_KEY_FILE',
          );
        if (env.PASSERELLE_MODE === 'demo') {
          say(
            `demo accounts: mourenx.agent, orthez.accueil, orthez.ts, sdsei.ts, lagor.relais, monein.relais,`,
          );
          say(
            `               office64.bailleur, bearnaise.bailleur, cclo.coordination — password: ${env.DEMO_PASSWORD ?? 'demo'}`,
          );
        }
        say('Ctrl-C stops Passerelle and its database.');
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
} catch (error) {
  say(`could not start: ${error.message}`);
  await shutdown(1);
}
