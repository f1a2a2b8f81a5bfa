import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { CreatedApplicantFile } from '@passerelle/shared/domain';
import { registrableFile } from '@api/testing/builders';
import { type TestApp, startTestApp } from '@api/testing/test-app';

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

interface BareServer {
  child: ChildProcess;
  baseUrl: string;
}

/** tools/bench/bare-server.mjs on the test's database, recording the statements it sends. */
async function startBareServer(databaseUrl: string): Promise<BareServer> {
  const child = spawn(process.execPath, [join(ROOT, 'tools/bench/bare-server.mjs')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      TZ: 'UTC',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      BENCH_USERNAME: 'mourenx.agent',
      BARE_RECORD_STATEMENTS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare server did not start: ${stderr}`)), 60_000);
    child.once('exit', () => reject(new Error(`the bare server ended: ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * The benchmark compares the API with a bare node:http + pg server that runs « the same SQL
 * statements » (QUALITY.md): for each benchmarked route, the texts the API sends (counted by the
 * test app's query counter) are those the bare server sends, in the same order.
 */
describe('the benchmark’s bare server', () => {
  let t: TestApp;
  let bare: BareServer;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.login('mourenx.agent')).accessToken;
    bare = await startBareServer(t.database.url);
  });

  afterAll(async () => {
    bare?.child.kill('SIGKILL');
    await t?.close();
  });

  /** Status, body, ETag and statement texts of one request to the API. */
  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const before = t.queries.count;
    const response = await t.request<CreatedApplicantFile>(method, path, { token, body, headers });
    return {
      status: response.status,
      body: response.body,
      etag: response.headers.get('etag'),
      texts: t.queries.textsSince(before),
    };
  }

  /** The same to the bare server. */
  async function bareServer(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${bare.baseUrl}${path}`, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as CreatedApplicantFile;
    const texts = (await (await fetch(`${bare.baseUrl}/statements`)).json()) as string[];
    return { status: response.status, body: answer, etag: response.headers.get('etag'), texts };
  }

  it('sends the API’s statements for a creation and a merge patch, the whole transaction', async () => {
    // Wishes with communes: the commune check is one of the statements.
    const viaApi = await api('POST', '/api/applicant-files', registrableFile());
    const viaBare = await bareServer('POST', '/api/applicant-files', registrableFile());
    expect([viaApi.status, viaBare.status]).toEqual([201, 201]);
    expect(viaApi.texts).toContain('START TRANSACTION');
    expect(viaApi.texts).toContain('COMMIT');
    expect(viaBare.texts).toEqual(viaApi.texts);

    const patch = { contact: { phone: '06 12 34 56 78' }, currentHousing: { monthlyRent: 412.5 } };
    const patchedViaApi = await api('PATCH', `/api/applicant-files/${viaApi.body.id}`, patch, {
      'if-match': viaApi.etag ?? '',
    });
    const patchedViaBare = await bareServer('PATCH', `/api/applicant-files/${viaBare.body.id}`, patch, {
      'if-match': viaBare.etag ?? '',
    });
    expect([patchedViaApi.status, patchedViaBare.status]).toEqual([200, 200]);
    expect([patchedViaApi.etag, patchedViaBare.etag]).toEqual(['"2"', '"2"']);
    expect(patchedViaApi.texts).toContain('COMMIT');
    expect(patchedViaBare.texts).toEqual(patchedViaApi.texts);
  });

  it('sends the API’s statements for a file detail and a search', async () => {
    const file = await api('POST', '/api/applicant-files', registrableFile());
    const detail = [
      await api('GET', `/api/applicant-files/${file.body.id}`),
      await bareServer('GET', `/api/applicant-files/${file.body.id}`),
    ];
    expect(detail.map((d) => d.status)).toEqual([200, 200]);
    expect(detail[1]?.texts).toEqual(detail[0]?.texts);

    const search = [
      await api('GET', '/api/applicant-files?q=testeur'),
      await bareServer('GET', '/api/applicant-files?q=testeur'),
    ];
    expect(search.map((s) => s.status)).toEqual([200, 200]);
    expect(search[1]?.texts).toEqual(search[0]?.texts);
  });
});
