import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { DatabaseUrls } from '@passerelle/testing';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface ApiProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** The JSON lines the process wrote so far (its log and main.ts's own lines). */
  lines: Record<string, unknown>[];
  /** Resolves with the exit code and signal, once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the process if it still runs (SIGKILL) and removes its data. */
  close: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The API's real entry point (apps/api/src/main.ts) in a process of its own, compiled on the fly
 * (@swc-node/register: no build needed), in demo mode without demo files, on `database`. For what
 * only a whole process shows: signals, exit codes, several instances. Resolves once it answers
 * /api/health.
 */
export async function startApiProcess(
  database: DatabaseUrls,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = join(tmpdir(), `passerelle-api-process-${randomBytes(4).toString('hex')}`);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      TZ: 'UTC',
      SWC_NODE_PROJECT: join(ROOT, 'apps/api/tsconfig.app.json'),
      PASSERELLE_MODE: 'demo',
      DEMO_FILE_COUNT: '0',
      DATABASE_URL: database.url,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BACK_OFFICE_DIR: join(dataDir, 'no-back-office'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // not a log line
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  // Compiling the API on the fly takes a while on a busy machine.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw new Error(`the API process ended before it answered: ${stderr}`);
    }
    const health = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (health === 200) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`the API process did not answer within 90 s: ${stderr}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  return { child, baseUrl, port, lines, exited, close };
}
