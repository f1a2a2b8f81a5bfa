import { randomUUID } from 'node:crypto';
import type { TestApp } from '@api/testing/test-app';
import { startTestApp } from '@api/testing/test-app';
import { type Account, Fixtures, signInDemoAccounts } from './access-fixtures';

/**
 * ACCESS.md: an object out of the caller's scope answers 404 like a missing one. Here, through the
 * same statements too: the scope is a condition of the statements that read (never a check sent
 * before them), so an id out of scope and an unknown id send the same statements, and a read in
 * scope sends them plus its audit entry. A check-then-load would send one more for what it finds.
 */
describe('scope inside the reading statements: out of scope and unknown answer alike', () => {
  let t: TestApp;
  let fx: Fixtures;
  /** shared+own: another organisation's CONTACT file is out of its scope, a registered one in it. */
  let landlord: Account;
  let inScope = '';
  let outOfScope = '';

  const sent = async (
    method: string,
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; statements: number }> => {
    const before = t.queries.count;
    const response = await t.request(method, path, { token: landlord.token, headers });
    return { status: response.status, statements: t.queries.count - before };
  };

  beforeAll(async () => {
    t = await startTestApp();
    fx = new Fixtures(t, await signInDemoAccounts(t));
    landlord = fx.account('office64.bailleur');
    const agent = fx.account('mourenx.agent');
    inScope = (await fx.file(agent, 'REGISTERED')).id;
    outOfScope = (await fx.file(agent, 'CONTACT')).id;
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([
    '/timeline',
    '/evaluations',
    '/fragility-flags',
    '/reception-requests',
    '/documents',
    '/document-checklist',
  ])(
    'reads GET /api/applicant-files/:id%s through the same statements in scope, out of scope and unknown',
    async (suffix) => {
      const path = (id: string) => `/api/applicant-files/${id}${suffix}`;
      const unknown = await sent('GET', path(randomUUID()));
      const out = await sent('GET', path(outOfScope));
      const read = await sent('GET', path(inScope));
      expect([read.status, out.status, unknown.status]).toEqual([200, 404, 404]);
      expect(out.statements).toBe(unknown.statements);
      // In scope: the same statements, and the audit entry of what it read.
      expect(read.statements).toBe(out.statements + 1);
    },
  );

  it('applies an evaluation’s wishes to a file out of scope as to an unknown evaluation: 404, same statements', async () => {
    // Out of the landlord's scope: an evaluation on another organisation's CONTACT file.
    const evaluation = await fx.evaluate(fx.account('mourenx.agent'), outOfScope);
    const path = (id: string) => `/api/evaluations/${id}/apply-wishes`;
    const headers = { 'if-match': '"1"' };
    const unknown = await sent('POST', path(randomUUID()), headers);
    const out = await sent('POST', path(evaluation), headers);
    expect([out.status, unknown.status]).toEqual([404, 404]);
    expect(out.statements).toBe(unknown.statements);
  });
});
