import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dockerignore from '@balena/dockerignore';
import gitignore from 'ignore';

/**
 * Secrets live in `.env` files beside the code (docker/.env for compose, a developer's .env.local),
 * and the proxy's private key in docker/certs: none may reach an image's build context, nor the
 * repository. Read with the matchers that Docker's Node clients (dockerode) and ESLint use for these files.
 */
const root = join(__dirname, '..', '..', '..', '..', '..');
const lines = (file: string): string[] => readFileSync(join(root, file), 'utf8').split('\n');

const SECRETS = [
  '.env',
  '.env.local',
  '.env.production',
  'docker/.env',
  'apps/api/.env.local',
  // The operator's certificate and private key for the proxy (docker/Caddyfile, PASSERELLE_TLS=files).
  'docker/certs/key.pem',
  'docker/certs/cert.pem',
];

describe('.env files and the certificates folder', () => {
  it('stay out of the API image build context', () => {
    const context = dockerignore().add(lines('docker/api.Dockerfile.dockerignore'));
    expect(SECRETS.filter((path) => !context.ignores(path))).toEqual([]);
    // What the build needs still goes in.
    for (const path of ['package.json', 'apps/api/src/main.ts', 'docker/compose.yml', 'libs/shared/domain'])
      expect([path, context.ignores(path)]).toEqual([path, false]);
  });

  it('stay out of the repository', () => {
    const repository = gitignore().add(lines('.gitignore'));
    expect(SECRETS.filter((path) => !repository.ignores(path))).toEqual([]);
    expect(repository.ignores('apps/api/src/platform/config/config.ts')).toBe(false);
  });
});
