import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Workers, startWorkers } from './workers';

const exec = join(__dirname, '..', 'testing', 'http-worker.cjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The pid that answered, on a new connection each time; null when nothing listens. */
function ask(port: number, path = '/'): Promise<number | null> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(Number(body)));
    }).on('error', () => resolve(null));
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
}

describe('startWorkers', () => {
  let port: number;
  let workers: Workers | undefined;
  const log = jest.fn();

  beforeEach(async () => {
    port = await freePort();
    log.mockClear();
  });

  afterEach(async () => {
    await workers?.stop();
    workers = undefined;
  });

  it('serves one port from several processes, and stops them all', async () => {
    workers = startWorkers({ count: 2, exec, env: { WORKER_FIXTURE_PORT: String(port) }, log });
    await workers.listening;
    const pids = workers.pids();
    expect(pids).toHaveLength(2);
    const answered = new Set<number | null>();
    for (let i = 0; i < 8; i++) answered.add(await ask(port));
    expect(answered).toEqual(new Set(pids));

    await workers.stop();
    expect(workers.pids()).toEqual([]);
    expect(await ask(port)).toBeNull();
  });

  it('replaces a worker that ends after it listened', async () => {
    const running = startWorkers({ count: 2, exec, env: { WORKER_FIXTURE_PORT: String(port) }, log });
    workers = running;
    await running.listening;
    const before = running.pids();
    const ended = await ask(port, '/exit');
    expect(before).toContain(ended);
    await until(() => running.pids().length === 2 && !running.pids().includes(ended ?? 0));
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ level: 50, pid: ended, code: 7 }));
    // The new worker answers once it listens.
    const answered = new Set<number | null>();
    for (let i = 0; i < 100 && answered.size < 2; i++) {
      answered.add(await ask(port));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answered).toEqual(new Set(running.pids()));
  });

  it('fails the start when a worker ends before it listens, and ends the others', async () => {
    const env = { WORKER_FIXTURE_PORT: String(port), WORKER_FIXTURE_FAIL: '1' };
    const running = startWorkers({ count: 2, exec, env, log });
    workers = running;
    await expect(running.listening).rejects.toThrow(/ended before it listened \(exit code 3\)/);
    await running.stop();
    expect(running.pids()).toEqual([]);
  });

  it('stops them all and says so when a replacement cannot start', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'passerelle-workers-')), 'broken');
    const gaveUp = new Promise<Error>((resolve) => {
      workers = startWorkers({
        count: 2,
        exec,
        env: { WORKER_FIXTURE_PORT: String(port), WORKER_FIXTURE_FAIL_IF: marker },
        log,
        onGiveUp: resolve,
      });
    });
    await workers?.listening;
    writeFileSync(marker, 'the next start fails');
    await ask(port, '/exit');
    expect((await gaveUp).message).toMatch(/ended before it listened \(exit code 3\)/);
    expect(workers?.pids()).toEqual([]);
    expect(await ask(port)).toBeNull();
  });
});
