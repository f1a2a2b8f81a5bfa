import type { ApiError, ApplicantFileSummary, Page } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile, registrableFile } from '@api/testing/builders';
import { MATCHES_SORTED_MAX } from './applicant-files.queries';

describe('applicant files: search and lists', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const list = (who: string, query: string) =>
    t.request<Page<ApplicantFileSummary>>('GET', `/api/applicant-files${query}`, { token: token[who] });
  const names = (page: Page<ApplicantFileSummary>) => page.items.map((f) => `${f.lastName} ${f.firstNames}`);

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of [
      'mourenx.agent',
      'orthez.accueil',
      'lagor.relais',
      'monein.relais',
      'office64.bailleur',
      'cclo.coordination',
    ]) {
      token[username] = (await t.login(username)).accessToken;
    }
    const agent = token['mourenx.agent']!;
    ids['dupre'] = (
      await createFile(
        t,
        agent,
        minimalFile({ lastName: 'Dupré-Ménard', firstNames: 'Marie Anne', birthDate: '1979-11-03' }),
      )
    ).id;
    ids['menard'] = (
      await createFile(
        t,
        agent,
        minimalFile({ lastName: 'Ménard', firstNames: 'Paul', birthDate: '1990-01-01' }),
      )
    ).id;
    ids['etcheverry'] = (
      await createFile(t, agent, {
        ...minimalFile({
          lastName: 'Etcheverry',
          firstNames: 'Iñaki',
          birthDate: '1988-05-05',
          usageName: "D'Artagnan",
        }),
        coApplicant: { lastName: 'Lassalle', firstNames: 'Maïté', birthDate: '1989-02-02' },
      })
    ).id;
    ids['registered'] = (
      await registeredFile(
        t,
        agent,
        '2026-05-02',
        registrableFile({ wishes: { typologies: ['T4'], communes: ['64410'] } }),
      )
    ).id;
    ids['relay'] = (
      await createFile(t, token['lagor.relais']!, {
        ...minimalFile({ lastName: 'Menardière', firstNames: 'Lucie' }),
        contact: { inseeCode: '64301' },
      })
    ).id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('matches every word at the start of a name word, in any order, ignoring case and accents', async () => {
    expect(names((await list('mourenx.agent', '?q=menard')).body)).toEqual([
      'Dupré-Ménard Marie Anne',
      'Ménard Paul',
      'Menardière Lucie',
    ]);
    expect(names((await list('mourenx.agent', '?q=dupre%20mar')).body)).toEqual(['Dupré-Ménard Marie Anne']);
    expect(names((await list('mourenx.agent', '?q=ANNE%20dUpR%C3%A9')).body)).toEqual([
      'Dupré-Ménard Marie Anne',
    ]);
    expect(names((await list('mourenx.agent', '?q=m%C3%A9nard%20paul')).body)).toEqual(['Ménard Paul']);
    expect(names((await list('mourenx.agent', '?q=dupre-menard')).body)).toEqual(['Dupré-Ménard Marie Anne']);
    expect((await list('mourenx.agent', '?q=enard')).body.total).toBe(0);
  });

  it('searches usage names and the co-applicant’s names', async () => {
    expect((await list('mourenx.agent', '?q=inaki')).body.items.map((f) => f.id)).toEqual([
      ids['etcheverry'],
    ]);
    expect((await list('mourenx.agent', '?q=artagn')).body.items.map((f) => f.id)).toEqual([
      ids['etcheverry'],
    ]);
    expect((await list('mourenx.agent', '?q=maite%20lass')).body.items.map((f) => f.id)).toEqual([
      ids['etcheverry'],
    ]);
  });

  it('matches an SNE number by prefix', async () => {
    const [row] = (await t.dataSource.query('SELECT sne_number FROM applicant_file WHERE id = $1', [
      ids['registered'],
    ])) as { sne_number: string }[];
    const result = await list('mourenx.agent', `?q=${row!.sne_number.slice(0, 9)}`);
    expect(result.body.items.map((f) => f.id)).toEqual([ids['registered']]);
    expect(result.body.items[0]).toMatchObject({
      sneNumber: row!.sne_number,
      typologies: ['T4'],
      status: 'REGISTERED',
    });
  });

  it('filters by status, commune, typology, renewal date and organisation of entry', async () => {
    expect((await list('mourenx.agent', '?status=REGISTERED')).body.items.map((f) => f.id)).toEqual([
      ids['registered'],
    ]);
    expect((await list('mourenx.agent', '?typology=T4')).body.items.map((f) => f.id)).toEqual([
      ids['registered'],
    ]);
    expect((await list('mourenx.agent', '?commune=64301')).body.items.map((f) => f.id)).toEqual([
      ids['relay'],
    ]);
    expect((await list('mourenx.agent', '?renewalDueBefore=2027-05-02')).body.total).toBe(1);
    expect((await list('mourenx.agent', '?renewalDueBefore=2027-05-01')).body.total).toBe(0);
    const [lagor] = (await t.dataSource.query(
      `SELECT id FROM organization WHERE name = 'Mairie de Lagor'`,
    )) as { id: string }[];
    expect((await list('mourenx.agent', `?organization=${lagor!.id}`)).body.items.map((f) => f.id)).toEqual([
      ids['relay'],
    ]);
  });

  it('sorts and paginates, 100 at most', async () => {
    const byName = await list('mourenx.agent', '?sort=name&pageSize=2&page=2');
    expect(byName.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(names(byName.body)).toEqual(['Ménard Paul', 'Menardière Lucie']);
    expect((await list('mourenx.agent', '?pageSize=100')).status).toBe(200);
    const tooMany = await t.request<ApiError>('GET', '/api/applicant-files?pageSize=101', {
      token: token['mourenx.agent'],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details?.[0]?.field).toBe('pageSize');
    for (const bad of [
      '?page=0',
      '?status=OPEN',
      '?sort=password',
      '?renewalDueBefore=tomorrow',
      '?commune=1',
      '?colour=red',
      '?q=a&q=b',
    ]) {
      expect({ bad, status: (await list('mourenx.agent', bad)).status }).toEqual({ bad, status: 400 });
    }
  });

  it('keeps each role in its scope, with the fields it may see', async () => {
    const relay = await list('lagor.relais', '');
    expect(relay.body.items.map((f) => f.id)).toEqual([ids['relay']]);
    expect(Object.keys(relay.body.items[0]!).sort()).toEqual([
      'birthDate',
      'createdAt',
      'firstNames',
      'id',
      'inseeCode',
      'lastName',
      'status',
      'updatedAt',
    ]);
    expect((await list('monein.relais', '?q=menard')).body.total).toBe(0);
    const landlord = await list('office64.bailleur', '');
    expect(landlord.body.items.map((f) => f.id)).toEqual([ids['registered']]);
    const coordinator = await list('cclo.coordination', '');
    expect(coordinator.body.total).toBe(5);
    expect(coordinator.body.items[0]!.typologies).toBeUndefined();
  });

  it('sends the same number of SQL statements whatever the page size', async () => {
    const count = async (query: string) => {
      const before = t.queries.count;
      expect((await list('mourenx.agent', query)).status).toBe(200);
      return t.queries.count - before;
    };
    expect(await count('?pageSize=1')).toBe(await count('?pageSize=100'));
    // The session check, then the page with its total and the audit entries of its files.
    expect(await count('?q=menard')).toBeLessThanOrEqual(2);
  });
  it('follows a change of name at once, and counts broad searches up to a cap', async () => {
    const agent = token['mourenx.agent']!;
    const file = await createFile(
      t,
      agent,
      minimalFile({ lastName: 'Oyharçabal', firstNames: 'Peio', birthDate: '1970-07-07' }),
    );
    const ids = async (q: string) => (await list('mourenx.agent', `?q=${q}`)).body.items.map((f) => f.id);
    expect(await ids('oyharc')).toEqual([file.id]);
    expect(await ids('oyharcabal%20pei')).toEqual([file.id]);
    const renamed = await t.request('PATCH', `/api/applicant-files/${file.id}`, {
      token: agent,
      headers: { 'if-match': `"${file.version}"` },
      body: { applicant: { lastName: 'Etchegaray-Irigoyen' } },
    });
    expect(renamed.status).toBe(200);
    expect(await ids('oyharc')).toEqual([]);
    expect(await ids('irigo')).toEqual([file.id]);
    expect(await ids('etchegaray%20peio')).toEqual([file.id]);
    const page = (await list('mourenx.agent', '?q=irigo')).body;
    expect(page).toMatchObject({ total: 1 });
  });

  it('counts a broad search exactly past the matches it sorts in memory, and pages it in name order', async () => {
    const [agent] = (await t.dataSource.query(
      `SELECT u.id, u.organization_id FROM app_user u WHERE u.username = 'mourenx.agent'`,
    )) as { id: string; organization_id: string }[];
    // Straight into the table (the prefixes follow through the trigger): the threshold is in the thousands.
    await t.dataSource.query(
      `INSERT INTO applicant_file (status, content, sort_name, name_words, name_search, created_by_organization_id, created_by_user_id)
       SELECT 'CONTACT', jsonb_build_object('applicant', jsonb_build_object('lastName', 'Zabalza', 'firstNames', 'N' || i, 'birthDate', '1980-01-01')),
              'zabalza n' || lpad(i::text, 5, '0'), ARRAY['zabalza', 'n' || lpad(i::text, 5, '0')],
              to_tsvector('simple', 'zabalza n' || lpad(i::text, 5, '0')), $1, $2
         FROM generate_series(1, $3::int) AS i`,
      [agent!.organization_id, agent!.id, MATCHES_SORTED_MAX + 5],
    );
    try {
      const broad = (await list('mourenx.agent', '?q=zabal&pageSize=3&page=2')).body;
      expect(broad).toMatchObject({ total: MATCHES_SORTED_MAX + 5, page: 2, pageSize: 3 });
      expect(names(broad)).toEqual(['Zabalza N4', 'Zabalza N5', 'Zabalza N6']);
      const last = (await list('mourenx.agent', `?q=zabal&pageSize=100&page=${MATCHES_SORTED_MAX / 100 + 1}`))
        .body;
      expect(last.items).toHaveLength(5);
      const exact = (await list('mourenx.agent', '?q=zabalza%20n0299')).body;
      expect(exact).toMatchObject({ total: 10 });
    } finally {
      await t.dataSource.query(`DELETE FROM applicant_file WHERE sort_name LIKE 'zabalza n%'`);
    }
    expect((await list('mourenx.agent', '?q=zabal')).body).toMatchObject({ total: 0 });
  });
});
