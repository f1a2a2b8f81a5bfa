import { Client } from 'pg';

/**
 * What would let PostgreSQL acknowledge a commit that a crash could lose (or a torn page could
 * corrupt), as the API's role sees the server: a setting of the server, of the database or of the
 * role. Empty when every write the API acknowledges is on disk first.
 */
export async function durabilityFindings(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('full_page_writes') AS full_page_writes`,
    );
    const settings = rows[0] ?? {};
    return ['fsync', 'synchronous_commit', 'full_page_writes'].flatMap((name) =>
      settings[name] === 'off' ? [`${name} is off`] : [],
    );
  } finally {
    await client.end();
  }
}
