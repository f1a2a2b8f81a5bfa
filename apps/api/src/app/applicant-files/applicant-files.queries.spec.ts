import { fileDetailQuery, fileSearchQueries, prefixTsQuery } from './applicant-files.queries';

const landlord = {
  scope: 'shared+own' as const,
  organizationId: '11111111-1111-4111-8111-111111111111',
  today: '2026-06-15',
};

/** The SQL reviewers read: a change to it shows up in this snapshot. */
describe('applicant file SQL', () => {
  it('turns a search into word prefixes', () => {
    expect(prefixTsQuery("Dupré-Ménard  l'hô")).toBe('dupre:* & menard:* & l:* & ho:*');
    expect(prefixTsQuery(' -- ')).toBeNull();
  });

  it('builds the search page and count with the scope inside the query', () => {
    const { page, count } = fileSearchQueries(
      { q: 'dupre mar', status: 'REGISTERED', typology: 'T2' },
      landlord,
      { limit: 20, offset: 40 },
    );
    expect(page.text).toMatchSnapshot('search page');
    expect(page.values).toEqual([
      '2025-06-15',
      landlord.organizationId,
      'dupre:* & mar:*',
      'REGISTERED',
      'T2',
      20,
      40,
    ]);
    expect(count.text).toMatchSnapshot('search count');
  });

  it('matches SNE numbers by prefix', () => {
    const { count } = fileSearchQueries(
      { q: '0640226' },
      { ...landlord, scope: 'all' },
      { limit: 20, offset: 0 },
    );
    expect(count.text).toContain('f.sne_number LIKE $1');
    expect(count.values).toEqual(['0640226%']);
  });

  it('builds the detail query', () => {
    expect(
      fileDetailQuery('22222222-2222-4222-8222-222222222222', { ...landlord, scope: 'own' }).text,
    ).toMatchSnapshot('detail');
  });
});
