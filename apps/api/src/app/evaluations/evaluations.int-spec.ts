import type { ApplicantFileView, EvaluationView, Page, TimelineEventView } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, registeredFile, registrableFile } from '@api/testing/builders';

describe('evaluations', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of [
      'mourenx.agent',
      'orthez.ts',
      'sdsei.ts',
      'office64.bailleur',
      'lagor.relais',
      'cclo.coordination',
    ]) {
      token[username] = (await t.login(username)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const evaluate = (who: string, fileId: string, body: unknown) =>
    t.request<EvaluationView>('POST', `/api/applicant-files/${fileId}/evaluations`, {
      token: token[who],
      body,
    });
  const list = (who: string, fileId: string) =>
    t.request<Page<EvaluationView>>('GET', `/api/applicant-files/${fileId}/evaluations`, {
      token: token[who],
    });

  it('logs a housing-project evaluation with its diagnosis, listed newest first with author and organisation', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    const first = await evaluate('orthez.ts', file.id, {
      kind: 'HOUSING_PROJECT',
      notes: 'Entretien du 3 juin.',
      diagnosis: {
        typologies: ['T3'],
        communes: ['64430', '64300'],
        familySituation: 'Mère seule, deux enfants',
        conclusion: 'T3 à Orthez',
      },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'HOUSING_PROJECT',
      diagnosis: { typologies: ['T3'], communes: ['64430', '64300'] },
      author: { displayName: 'Maïté Bordenave', organizationName: "CCAS d'Orthez" },
      appliedAt: null,
    });
    const second = await evaluate('office64.bailleur', file.id, {
      kind: 'HOUSING_PROJECT',
      notes: 'Vu en agence.',
    });
    expect(second.status).toBe(201);
    const listed = await list('mourenx.agent', file.id);
    expect(listed.body.items.map((e) => e.id)).toEqual([second.body.id, first.body.id]);
    expect(listed.body.total).toBe(2);
  });

  it('keeps social evaluations and their notes to social workers', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    expect((await evaluate('mourenx.agent', file.id, { kind: 'SOCIAL', notes: 'x' })).status).toBe(403);
    expect((await evaluate('office64.bailleur', file.id, { kind: 'SOCIAL', notes: 'x' })).status).toBe(403);
    const social = await evaluate('sdsei.ts', file.id, {
      kind: 'SOCIAL',
      notes: 'Violences conjugales signalées.',
    });
    expect(social.status).toBe(201);
    expect((await list('orthez.ts', file.id)).body.items.map((e) => e.notes)).toEqual([
      'Violences conjugales signalées.',
    ]);
    for (const who of ['mourenx.agent', 'office64.bailleur']) {
      const other = await list(who, file.id);
      expect(other.status).toBe(200);
      expect(other.body.items).toEqual([]);
      expect(JSON.stringify(other.body)).not.toContain('Violences');
      const timeline = await t.request<Page<TimelineEventView>>(
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
        { token: token[who] },
      );
      const event = timeline.body.items.find((e) => e.type === 'SOCIAL_EVALUATION');
      expect(event).toBeDefined();
      expect(JSON.stringify(timeline.body)).not.toContain('Violences');
      expect(JSON.stringify(event)).not.toContain(social.body.id);
    }
    expect((await list('lagor.relais', file.id)).status).toBe(403);
    expect((await list('cclo.coordination', file.id)).status).toBe(403);
  });

  it('refuses a bad file, a missing note and unknown communes', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    expect(
      (
        await evaluate('orthez.ts', '00000000-0000-4000-8000-000000000000', {
          kind: 'HOUSING_PROJECT',
          notes: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await evaluate('orthez.ts', file.id, { kind: 'HOUSING_PROJECT' })).status).toBe(400);
    expect(
      (
        await evaluate('orthez.ts', file.id, {
          kind: 'HOUSING_PROJECT',
          notes: 'x',
          diagnosis: { communes: ['33063'] },
        })
      ).status,
    ).toBe(400);
    const contact = await createFile(t, token['mourenx.agent']!, registrableFile());
    expect(
      (await evaluate('office64.bailleur', contact.id, { kind: 'HOUSING_PROJECT', notes: 'x' })).status,
    ).toBe(404);
  });

  it('lets the author apply the recommended wishes to the file, with If-Match', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    const evaluation = await evaluate('orthez.ts', file.id, {
      kind: 'HOUSING_PROJECT',
      notes: 'Projet réaliste.',
      diagnosis: { typologies: ['T3', 'T4'], communes: ['64300'] },
    });
    const path = `/api/evaluations/${evaluation.body.id}/apply-wishes`;
    expect((await t.request('POST', path, { token: token['orthez.ts'] })).status).toBe(428);
    expect(
      (
        await t.request('POST', path, {
          token: token['mourenx.agent'],
          headers: { 'if-match': `"${file.version}"` },
        })
      ).status,
    ).toBe(403);
    const applied = await t.request<ApplicantFileView>('POST', path, {
      token: token['orthez.ts'],
      headers: { 'if-match': `"${file.version}"` },
    });
    expect(applied.status).toBe(200);
    expect(applied.body.wishes).toMatchObject({ typologies: ['T3', 'T4'], communes: ['64300'] });
    expect(applied.headers.get('etag')).toBe(`"${file.version + 1}"`);
    const timeline = await t.request<Page<TimelineEventView>>(
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
      { token: token['mourenx.agent'] },
    );
    expect(timeline.body.items[0]).toMatchObject({
      type: 'WISHES_APPLIED',
      details: { evaluationId: evaluation.body.id },
    });
    expect((await list('orthez.ts', file.id)).body.items[0]?.appliedAt).toEqual(expect.any(String));
  });
});
