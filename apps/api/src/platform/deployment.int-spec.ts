import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type IncomingMessage, createServer as createHttpServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generate } from 'selfsigned';
import { parse } from 'yaml';
import { type TestApp, startTestApp, testConfig } from '@api/testing/test-app';
import { parseTrustProxy } from './config/config';
import { createApp } from './create-app';

const LOGIN = { username: 'mourenx.agent', password: 'demo' };
const DOCKER = join(__dirname, '..', '..', '..', '..', 'docker');

interface Service {
  image?: string;
  ports?: string[];
  networks?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  networks: Record<string, { ipam?: { config?: { subnet?: string }[] } } | null>;
}

/** `${NAME:-default}` as compose reads it with NAME unset. */
const unset = (value: string | undefined): string | undefined => value?.replace(/\$\{\w+:-([^}]*)\}/g, '$1');

describe('docker/compose.yml', () => {
  let compose: Compose;
  let caddyfile: string;

  beforeAll(async () => {
    compose = parse(await readFile(join(DOCKER, 'compose.yml'), 'utf8'), { merge: true }) as Compose;
    caddyfile = await readFile(join(DOCKER, 'Caddyfile'), 'utf8');
  });

  it('publishes the proxy only, and keeps every other service but the API off its network', () => {
    const services = Object.entries(compose.services);
    const proxy = compose.services['proxy'];
    expect(proxy?.image).toMatch(/^caddy:2(\.|$)/);
    expect(proxy?.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    expect(proxy?.networks).toEqual(['proxy']);
    expect(services.filter(([name, service]) => name !== 'proxy' && service.ports)).toEqual([]);
    // The API instances: the services of the x-api block.
    const apis = services.filter(([, service]) => service.image === 'passerelle-api');
    expect(apis.map(([name]) => name).sort()).toEqual(['api-1', 'api-2']);
    for (const [, api] of apis) {
      expect(api.networks).toEqual(['default', 'proxy']);
      expect(api.environment?.['PASSERELLE_MODE']).toBe('production');
    }
    const others = services.filter(
      ([name, service]) => name !== 'proxy' && service.image !== 'passerelle-api',
    );
    expect(others.map(([name]) => name)).toContain('postgres');
    expect(others.filter(([, service]) => service.networks?.includes('proxy'))).toEqual([]);
  });

  it("has the API trust the proxy's network, and nothing wider", () => {
    const subnet = unset(compose.networks['proxy']?.ipam?.config?.[0]?.subnet);
    expect(subnet).toMatch(/^(10|172\.(1[6-9]|2\d|3[01])|192\.168)\.[\d.]+\/24$/);
    for (const name of ['api-1', 'api-2']) {
      const trustProxy = unset(compose.services[name]?.environment?.['TRUST_PROXY']);
      expect([name, trustProxy]).toEqual([name, subnet]);
      expect(parseTrustProxy(trustProxy ?? '')).toEqual([subnet]);
    }
  });

  it('hands the proxy the Caddyfile and the certificates where the Caddyfile reads them', () => {
    const volumes = compose.services['proxy']?.volumes ?? [];
    expect(volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(volumes).toContain('./certs:/etc/caddy/certs:ro');
    expect(caddyfile).toContain('tls /etc/caddy/certs/cert.pem /etc/caddy/certs/key.pem');
    // Caddy proxies to every API instance of the compose file, on the port the image listens on.
    const upstreams = /reverse_proxy ([^{]+) \{/.exec(caddyfile)?.[1]?.trim().split(/\s+/);
    expect(upstreams).toEqual(['api-1:3000', 'api-2:3000']);
    expect(compose.services['proxy']?.environment?.['PASSERELLE_DOMAIN']).toMatch(/:\?set PASSERELLE_DOMAIN/);
  });
});

const hasCaddy = (): void => {
  if (spawnSync('caddy', ['version']).error)
    throw new Error(
      "This test runs docker/Caddyfile with Debian's caddy: `apt-get install caddy` (.ci/run installs it)",
    );
};

describe('docker/Caddyfile, checked by caddy in both TLS modes', () => {
  let work: string;

  beforeAll(async () => {
    hasCaddy();
    work = await mkdtemp(join(tmpdir(), 'passerelle-caddyfile-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const caddy = (command: 'validate' | 'adapt', config: string, env: Record<string, string>) =>
    spawnSync('caddy', [command, '--config', config, '--adapter', 'caddyfile'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], HOME: work, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work, ...env },
    });
  const validate = (config: string, env: Record<string, string>) => {
    const validated = caddy('validate', config, env);
    expect([validated.status, validated.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    return JSON.parse(caddy('adapt', config, env).stdout) as { apps: { tls?: { certificates?: unknown } } };
  };

  it("acme: Caddy obtains the public name's certificate itself", () => {
    const adapted = validate(join(DOCKER, 'Caddyfile'), { PASSERELLE_DOMAIN: 'passerelle.example.fr' });
    expect(adapted.apps.tls?.certificates).toBeUndefined();
  });

  it("files: the operator's certificate and key, loaded and matched", async () => {
    const pems = await generate([{ name: 'commonName', value: 'passerelle.example.fr' }], { keyType: 'ec' });
    await writeFile(join(work, 'cert.pem'), pems.cert);
    await writeFile(join(work, 'key.pem'), pems.private);
    // The compose file mounts docker/certs at /etc/caddy/certs: here, the test's folder.
    const original = await readFile(join(DOCKER, 'Caddyfile'), 'utf8');
    await writeFile(join(work, 'Caddyfile'), original.replaceAll('/etc/caddy/certs/', `${work}/`));
    const env = { PASSERELLE_DOMAIN: 'passerelle.example.fr', PASSERELLE_TLS: 'files' };
    const adapted = validate(join(work, 'Caddyfile'), env);
    expect(adapted.apps.tls?.certificates).toEqual({
      load_files: [
        { certificate: join(work, 'cert.pem'), key: join(work, 'key.pem'), tags: expect.any(Array) },
      ],
    });
    // A key that is not the certificate's stops the proxy.
    const other = await generate(undefined, { keyType: 'ec' });
    await writeFile(join(work, 'key.pem'), other.private);
    const refused = caddy('validate', join(work, 'Caddyfile'), env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('private key does not match public key');
  });
});

/** A port free now (Caddy binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Each header line as sent, to count repeated ones. */
  rawHeaders: string[];
  text: string;
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Proxy {
  ports: { http: number; https: number };
  /** A request over TLS to https://localhost, trusting Caddy's local authority only. */
  overTls: (method: string, path: string, options?: RequestOptions) => Promise<Answer>;
  /** A request over plain HTTP to http://localhost. */
  plain: (method: string, path: string) => Promise<Answer>;
  stop: () => Promise<void>;
}

function answerOf(resolve: (answer: Answer) => void) {
  return (res: IncomingMessage) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, text }),
    );
  };
}

/**
 * docker/Caddyfile as it is, run by Debian's caddy for `localhost` (Caddy's local authority signs
 * the certificate, no ACME server is asked) in front of `upstreams`: only the upstream addresses
 * change, and a global block moves the ports, keeps the admin endpoint off and the local authority
 * out of the system's trust store.
 */
async function startProxy(upstreams: string[]): Promise<Proxy> {
  hasCaddy();
  const work = await mkdtemp(join(tmpdir(), 'passerelle-caddy-'));
  const ports = { http: await freePort(), https: await freePort() };
  const original = await readFile(join(DOCKER, 'Caddyfile'), 'utf8');
  expect(original).toContain('reverse_proxy api-1:3000 api-2:3000 {');
  const config = [
    `{\n\tadmin off\n\thttp_port ${ports.http}\n\thttps_port ${ports.https}\n\tskip_install_trust\n}\n`,
    original.replace('api-1:3000 api-2:3000', upstreams.join(' ')),
  ].join('\n');
  await writeFile(join(work, 'Caddyfile'), config);
  const caddy = spawn('caddy', ['run', '--config', join(work, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env['PATH'],
      HOME: work,
      XDG_DATA_HOME: join(work, 'data'),
      XDG_CONFIG_HOME: join(work, 'config'),
      PASSERELLE_DOMAIN: 'localhost',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  caddy.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  caddy.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise((resolve) => caddy.once('exit', resolve));

  let rootCertificate = '';
  const overTls = (method: string, path: string, options: RequestOptions = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = { host: 'localhost', ...options.headers };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const { https: port } = ports;
      const tls = { servername: 'localhost', ca: rootCertificate };
      httpsRequest(
        { host: '127.0.0.1', port, method, path, headers, agent: false, ...tls },
        answerOf(resolve),
      )
        .on('error', reject)
        .end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
  const plain = (method: string, path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const { http: port } = ports;
      httpRequest(
        { host: '127.0.0.1', port, method, path, headers: { host: 'localhost' } },
        answerOf(resolve),
      )
        .on('error', reject)
        .end();
    });
  const stop = async () => {
    if (caddy.exitCode === null) {
      caddy.kill('SIGTERM');
      await exited;
    }
    await rm(work, { recursive: true, force: true });
  };

  // Wait for the local authority's root and for the site to answer (no timing is asserted).
  const root = join(work, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  for (let attempt = 0; ; attempt++) {
    if (caddy.exitCode !== null || attempt === 300) {
      await stop();
      throw new Error(`caddy did not serve the site:\n${log}`);
    }
    try {
      rootCertificate = await readFile(root, 'utf8');
      if ((await overTls('GET', '/api/health')).status === 200) break;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ports, overTls, plain, stop };
}

describe('docker/Caddyfile: HSTS', () => {
  it('sets one Strict-Transport-Security on every answer, over whatever the upstream sent', async () => {
    // An upstream that sends a weaker HSTS of its own, or none.
    const upstream = createHttpServer((req, res) => {
      if (req.url === '/weak') res.setHeader('Strict-Transport-Security', 'max-age=1');
      res.end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const proxy = await startProxy([address, address]);
    try {
      for (const path of ['/weak', '/none', '/api/health']) {
        const answer = await proxy.overTls('GET', path);
        const hsts = answer.rawHeaders.filter(
          (_, index, raw) => index % 2 === 1 && raw[index - 1]?.toLowerCase() === 'strict-transport-security',
        );
        expect([path, answer.status, hsts]).toEqual([path, 200, ['max-age=31536000; includeSubDomains']]);
      }
    } finally {
      await proxy.stop();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});

describe('docker/Caddyfile in front of two API instances in production mode', () => {
  let first: TestApp;
  let second: NestExpressApplication;
  let proxy: Proxy;
  // Each instance's request lines (the health checks are not logged).
  const served: [string[], string[]] = [[], []];
  const destination = (lines: string[]) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const url = (JSON.parse(line) as { req?: { url?: string } }).req?.url;
          if (url) lines.push(url);
        }
        done();
      },
    });
  const servedCount = () => served.map((lines) => lines.length);

  beforeAll(async () => {
    // Both on one database. The proxy reaches them from 127.0.0.1: the address TRUST_PROXY names.
    const production = { mode: 'production', trustProxy: ['127.0.0.1'], logLevel: 'info' } as const;
    first = await startTestApp(production, { logDestination: destination(served[0]) });
    second = await createApp(testConfig(first.database, production), {
      logDestination: destination(served[1]),
    });
    await second.listen(0, '127.0.0.1');
    proxy = await startProxy(
      [first.app, second].map((app) => `127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`),
    );
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await second?.close();
    await first?.close();
  });

  it('serves the API over TLS, and its requests pass the TLS check of production', async () => {
    const login = await proxy.overTls('POST', '/api/auth/login', { body: LOGIN });
    expect([login.status, login.text.slice(0, 200)]).toEqual([200, expect.stringContaining('accessToken')]);
    const { accessToken } = JSON.parse(login.text) as { accessToken: string };
    expect((await proxy.overTls('GET', '/api/auth/me', { token: accessToken })).status).toBe(200);
  });

  it('names the client itself, whatever the client says in X-Forwarded-For or X-Forwarded-Proto', async () => {
    const login = await proxy.overTls('POST', '/api/auth/login', {
      body: LOGIN,
      headers: {
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-proto': 'http',
        'x-request-id': 'proxy-spoof-1',
      },
    });
    expect(login.status).toBe(200);
    const rows = await first.dataSource.query<{ clientAddress: string }[]>(
      `SELECT client_address AS "clientAddress" FROM audit_entry WHERE request_id = 'proxy-spoof-1'`,
    );
    // The sign-in limits and the access log count by the address Caddy saw: here, the test's.
    expect(rows).toEqual([{ clientAddress: '127.0.0.1' }]);
  });

  it('sends plain HTTP to HTTPS, without proxying it', async () => {
    const before = servedCount();
    const answer = await proxy.plain('GET', '/api/auth/me');
    expect(answer.status).toBe(308);
    // Caddy 2.6 names no port in the redirect: in production it is 443.
    expect(answer.headers['location']).toMatch(/^https:\/\/localhost(:\d+)?\/api\/auth\/me$/);
    expect(servedCount()).toEqual(before);
  });

  it('spreads the requests over both instances, and leaves out one that stopped', async () => {
    const login = await proxy.overTls('POST', '/api/auth/login', { body: LOGIN });
    const { accessToken } = JSON.parse(login.text) as { accessToken: string };
    const spread = async (): Promise<number[]> => {
      const before = servedCount();
      for (let i = 0; i < 4; i++)
        expect((await proxy.overTls('GET', '/api/auth/me', { token: accessToken })).status).toBe(200);
      return servedCount().map((count, instance) => count - (before[instance] ?? 0));
    };
    expect(await spread()).toEqual([2, 2]);
    // A restart of one instance: its requests go to the other (lb_try_duration), none fails.
    await second.close();
    expect(await spread()).toEqual([4, 0]);
  });
});
