import {
  MATCHES_SORTED_MAX,
  fileDetailQuery,
  fileSearchQuery,
  prefixTsQuery,
} from './applicant-files.queries';
import { runWithRequestContext } from '@api/platform/request-context';

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

  it('builds the search page and its capped total in one statement, with the scope inside', () => {
    const search = fileSearchQuery({ q: 'dupre mar', status: 'REGISTERED', typology: 'T2' }, landlord, {
      limit: 20,
      offset: 40,
    });
    expect(search.text).toMatchSnapshot('search');
    expect(search.values).toEqual([
      'dupre',
      'mar',
      '2025-06-15',
      landlord.organizationId,
      'dupre:* & mar:*',
      'REGISTERED',
      'T2',
      MATCHES_SORTED_MAX,
      MATCHES_SORTED_MAX + 1,
      20,
      40,
    ]);
  });

  it('answers a one-word name search from the prefix index alone when nothing else needs the file', () => {
    const all = { ...landlord, scope: 'all' as const };
    const alone = fileSearchQuery({ q: 'Ménar' }, all, { limit: 20, offset: 0 });
    expect(alone.text).toMatchSnapshot('search by the prefix index alone');
    expect(alone.values.slice(0, 1)).toEqual(['menar']);
    // Longer than the stored prefixes, or a second word: the file checks the rest.
    expect(fileSearchQuery({ q: 'menardiere' }, all, { limit: 20, offset: 0 }).text).toContain(
      'JOIN applicant_file f ON f.id = p.applicant_file_id',
    );
    expect(fileSearchQuery({ q: 'menardiere' }, all, { limit: 20, offset: 0 }).values.slice(0, 2)).toEqual([
      'menard',
      'menardiere:*',
    ]);
    // Too short for the prefix index, another order, or an SNE number: the file table's own indexes.
    for (const filters of [{ q: 'li' }, { q: 'menard', sort: 'updatedAt' as const }, { q: '0640226' }]) {
      expect(fileSearchQuery(filters, all, { limit: 20, offset: 0 }).text).not.toContain(
        'applicant_file_name_prefix',
      );
    }
  });

  it('matches SNE numbers by prefix', () => {
    const search = fileSearchQuery({ q: '0640226' }, { ...landlord, scope: 'all' }, { limit: 20, offset: 0 });
    expect(search.text).toContain('f.sne_number LIKE $1');
    expect(search.values[0]).toEqual('0640226%');
  });

  it('builds the detail query', () => {
    expect(
      fileDetailQuery('22222222-2222-4222-8222-222222222222', { ...landlord, scope: 'own' }).text,
    ).toMatchSnapshot('detail');
  });

  it('logs a read in the statement that reads, committing it asynchronously', () => {
    const id = '22222222-2222-4222-8222-222222222222';
    const detail = fileDetailQuery(id, { ...landlord, scope: 'own' }, { logRead: true });
    expect(detail.text).toMatchSnapshot('detail, its read logged');
    // No request context here: the actor is unknown, the route internal, no request or address.
    expect(detail.values).toEqual([id, landlord.organizationId, null, null, null, 'internal', null, null]);
    const context = {
      requestId: 'request-1234',
      ip: '192.0.2.10',
      route: 'GET /api/applicant-files/:id',
      userId: '33333333-3333-4333-8333-333333333333',
      username: 'office64.bailleur',
      organizationId: landlord.organizationId,
    };
    expect(
      runWithRequestContext(context, () => fileDetailQuery(id, landlord, { logRead: true })).values.slice(-6),
    ).toEqual([
      context.userId,
      context.username,
      context.organizationId,
      context.route,
      context.requestId,
      context.ip,
    ]);
    const search = fileSearchQuery({ q: 'dupre' }, landlord, { limit: 20, offset: 0 }, { logRead: true });
    expect(search.text).toContain(
      "FROM page, set_config('synchronous_commit', 'off', true)\n)\nSELECT c.total",
    );
    expect(fileSearchQuery({ q: 'dupre' }, landlord, { limit: 20, offset: 0 }).text).not.toContain(
      'audit_entry',
    );
  });
});
