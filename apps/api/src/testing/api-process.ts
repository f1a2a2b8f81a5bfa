import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root, from apps/api/src/testing. */
const ROOT = resolve(__dirname, '../../../..');

export interface ApiProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Every line the process wrote on stdout and stderr so far. */
  lines: () => string[];
  /** The JSON lines it logged, parsed. */
  logs: () => Record<string, unknown>[];
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`); resolves to the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The real API as its own process, run from the sources (`main.ts` through @swc-node/register, as
 * the benchmarks do: no build needed), on a free port, with `env` added to a minimal environment.
 * Resolves once `/api/health` answers 200.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelle-api-process-'));
  const child = spawn(
    process.execPath,
    ['--require', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        TZ: 'UTC',
        SWC_NODE_PROJECT: join(ROOT, 'apps/api/tsconfig.app.json'),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const pieces = text.split('\n');
    partial = pieces.pop() ?? '';
    output.push(...pieces.filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output.join('\n')}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer within ${timeoutMs} ms:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    baseUrl,
    port,
    child,
    lines: () => [...output],
    logs: () =>
      output.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    stop: async (graceMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const code = await exited;
        clearTimeout(timer);
        await rm(dataDir, { recursive: true, force: true });
        return code;
      }
      await rm(dataDir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}
