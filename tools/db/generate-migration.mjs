// Generates a TypeORM migration from the difference between the entities and the migrations
// already written, on a throw-away embedded PostgreSQL. Review the file before committing it.
// Usage: node tools/db/generate-migration.mjs <PascalCaseName>
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: node tools/db/generate-migration.mjs <PascalCaseName>');
  process.exit(2);
}

process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');
const { pendingSchemaChanges } = require(join(root, 'apps/api/src/platform/database/schema-diff.ts'));

const dataDir = await mkdtemp(join(tmpdir(), 'passerelle-migration-'));
const server = await startEmbeddedPostgres({ dataDir, durable: false, log: () => undefined });
try {
  const { up, down } = await pendingSchemaChanges(server.url);
  if (up.length === 0) {
    console.log('Entities and migrations agree: nothing to generate.');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const line = (q) =>
      `    await queryRunner.query(\`${q.query.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(line).join('\n')}
  }
}
`;
    const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    const migrationsDir = join(root, 'apps/api/src/platform/database/migrations');
    await writeFile(join(migrationsDir, `${fileName}.ts`), file);
    const indexPath = join(migrationsDir, 'index.ts');
    let index = await readFile(indexPath, 'utf8');
    index = index
      .replace(
        /^((?:import [^\n]*\n)*)/,
        (imports) => `${imports}import { ${className} } from './${fileName}';\n`,
      )
      .replace(
        /\[([^\]]*)\];/,
        (_, list) =>
          `[${[
            ...list
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            className,
          ].join(', ')}];`,
      );
    await writeFile(indexPath, index);
    console.log(
      `Wrote migrations/${fileName}.ts (${up.length} statements) and registered it in migrations/index.ts.`,
    );
  }
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
