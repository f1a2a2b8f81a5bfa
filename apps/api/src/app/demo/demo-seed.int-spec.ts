import {
  type ApplicantFileSummary,
  type ApplicantFileView,
  type Page,
  calendarDateInParis,
  nameWords,
} from '@passerelle/shared/domain';
import { TEST_NOW, type TestApp, startTestApp } from '@api/testing/test-app';
import { registeredStatusOn } from '@api/app/applicant-files/lifecycle.service';
import { seedDemoFiles } from './demo-seed';

const TODAY = calendarDateInParis(new Date(TEST_NOW));

describe('demo files seed (real PostgreSQL)', () => {
  let app: TestApp;
  let seeded: number;

  beforeAll(async () => {
    app = await startTestApp();
    seeded = await seedDemoFiles(app.dataSource, { today: TODAY });
  }, 60_000);

  afterAll(() => app.close());

  const rows = <T>(sql: string, values: unknown[] = []) => app.dataSource.query<T[]>(sql, values);

  it('creates 300 files, each with its organisation link and its timeline', async () => {
    expect(seeded).toBe(300);
    const [counts] = await rows<{ files: number; links: number; created: number; orphans: number }>(
      `SELECT (SELECT count(*) FROM applicant_file)::int AS files,
              (SELECT count(*) FROM file_organization WHERE link = 'CREATED')::int AS links,
              (SELECT count(*) FROM timeline_event WHERE type = 'FILE_CREATED')::int AS created,
              (SELECT count(*) FROM timeline_event e
                 LEFT JOIN applicant_file f ON f.id = e.applicant_file_id WHERE f.id IS NULL)::int AS orphans`,
    );
    expect(counts).toEqual({ files: 300, links: 300, created: 300, orphans: 0 });
  });

  it('gives coherent statuses, which the renewal calendar leaves as they are', async () => {
    const files = await rows<{ status: string; renewal_due_on: string | null; sne_number: string | null }>(
      'SELECT status, renewal_due_on, sne_number FROM applicant_file',
    );
    const statuses = new Set(files.map((f) => f.status));
    expect([...statuses].sort()).toEqual(['CLOSED', 'CONTACT', 'REGISTERED', 'RENEWAL_DUE']);
    for (const file of files.filter((f) => f.status === 'REGISTERED' || f.status === 'RENEWAL_DUE')) {
      expect(file.status).toBe(registeredStatusOn(file.renewal_due_on as string, TODAY));
      expect(file.sne_number).toMatch(/^[0-9A-Z]{13,20}$/);
    }
    // What the API's daily job would change today (lifecycle.service.ts): nothing.
    const [pending] = await rows<{ due: number; lapsed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'REGISTERED' AND (renewal_due_on - interval '1 month')::date <= $1::date)::int AS due,
              count(*) FILTER (WHERE status = 'RENEWAL_DUE' AND renewal_due_on < $1::date)::int AS lapsed
         FROM applicant_file`,
      [TODAY],
    );
    expect(pending).toEqual({ due: 0, lapsed: 0 });
  });

  it('makes generated names searchable, by the index and through the API', async () => {
    const [file] = await rows<{ id: string; last_name: string; first_names: string }>(
      `SELECT id, content->'applicant'->>'lastName' AS last_name, content->'applicant'->>'firstNames' AS first_names
         FROM applicant_file WHERE status <> 'CLOSED' ORDER BY sort_name LIMIT 1 OFFSET 42`,
    );
    if (!file) throw new Error('no file');
    const lastWord = nameWords(file.last_name)[0] ?? '';
    const firstWord = nameWords(file.first_names)[0] ?? '';
    const [found] = await rows<{ ids: string[] }>(
      `SELECT array_agg(id) AS ids FROM applicant_file WHERE name_search @@ to_tsquery('simple', $1)`,
      [`${lastWord}:*`],
    );
    expect(found?.ids).toContain(file.id);

    const { accessToken } = await app.login('mourenx.agent');
    // Word prefixes, in any order, upper case.
    const q = `${firstWord.slice(0, 3).toUpperCase()} ${lastWord.slice(0, 4)}`;
    const list = await app.request<Page<ApplicantFileSummary>>(
      'GET',
      `/api/applicant-files?q=${encodeURIComponent(q)}`,
      { token: accessToken },
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.items.map((item) => item.id)).toContain(file.id);

    const detail = await app.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
      token: accessToken,
    });
    expect(detail.status).toBe(200);
    expect(detail.body.applicant?.lastName).toBe(file.last_name);
    expect(detail.headers.get('etag')).toMatch(/^"\d+"$/);
  });

  it('adds nothing the second time', async () => {
    expect(await seedDemoFiles(app.dataSource, { today: TODAY })).toBe(0);
    const [count] = await rows<{ files: number }>('SELECT count(*)::int AS files FROM applicant_file');
    expect(count?.files).toBe(300);
  });
});
