import type {
  ApplicantFileView,
  FragilityCriterionView,
  FragilityFlagView,
  Page,
  TimelineEventView,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile } from '@api/testing/builders';

describe('fragility flags', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of [
      'mourenx.agent',
      'orthez.ts',
      'office64.bailleur',
      'lagor.relais',
      'monein.relais',
      'cclo.coordination',
    ]) {
      token[username] = (await t.login(username)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const suspect = (who: string, fileId: string, body: unknown) =>
    t.request<FragilityFlagView>('POST', `/api/applicant-files/${fileId}/fragility-flags`, {
      token: token[who],
      body,
    });
  const flags = (who: string, fileId: string) =>
    t.request<Page<FragilityFlagView>>('GET', `/api/applicant-files/${fileId}/fragility-flags`, {
      token: token[who],
    });
  const decide = (who: string, flagId: string, body: unknown) =>
    t.request<FragilityFlagView>('PATCH', `/api/fragility-flags/${flagId}`, { token: token[who], body });

  it('lists the versioned criteria with their French labels', async () => {
    const criteria = await t.request<FragilityCriterionView[]>('GET', '/api/fragility-criteria', {
      token: token['lagor.relais'],
    });
    expect(criteria.body).toHaveLength(15);
    expect(criteria.body.find((c) => c.code === 'DALO_DECISION')).toEqual({
      code: 'DALO_DECISION',
      label: 'Décision favorable DALO',
      version: 'CCH-L441-1-2024',
    });
  });

  it('lets a relay clerk suspect on its own file and see only its own suspicions', async () => {
    const file = await createFile(t, token['lagor.relais']!, minimalFile());
    const flag = await suspect('lagor.relais', file.id, {
      criterion: 'WITHOUT_HOUSING',
      note: 'Dort dans sa voiture',
    });
    expect(flag.status).toBe(201);
    expect(flag.body).toMatchObject({
      id: expect.any(String),
      criterion: 'WITHOUT_HOUSING',
      status: 'SUSPECTED',
    });
    // The note is read by social workers only.
    expect(flag.body.note).toBeUndefined();
    await suspect('mourenx.agent', file.id, { criterion: 'DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE' });
    const relayView = await flags('lagor.relais', file.id);
    expect(relayView.body.items.map((f) => f.criterion)).toEqual(['WITHOUT_HOUSING']);
    expect((await suspect('monein.relais', file.id, { criterion: 'DISABILITY' })).status).toBe(404);
    expect((await suspect('lagor.relais', file.id, { criterion: 'ALIENS' })).status).toBe(400);
    expect((await suspect('cclo.coordination', file.id, { criterion: 'DISABILITY' })).status).toBe(403);
  });

  it('lets only a social worker confirm or rule out, with a note; confirmation makes the file a priority', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    const flag = (
      await suspect('mourenx.agent', file.id, {
        criterion: 'EVICTION_WITHOUT_REHOUSING',
        note: 'Commandement de quitter',
      })
    ).body;
    expect((await decide('mourenx.agent', flag.id, { status: 'CONFIRMED', note: 'x' })).status).toBe(403);
    expect((await decide('orthez.ts', flag.id, { status: 'CONFIRMED' })).status).toBe(400);
    expect((await decide('orthez.ts', flag.id, { status: 'SUSPECTED', note: 'x' })).status).toBe(400);
    const confirmed = await decide('orthez.ts', flag.id, {
      status: 'CONFIRMED',
      note: 'Jugement vu, expulsion au 15 juillet',
      decidedOn: '2026-06-14',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'CONFIRMED',
      decidedOn: '2026-06-14',
      decisionNote: 'Jugement vu, expulsion au 15 juillet',
    });
    expect((await decide('orthez.ts', flag.id, { status: 'RULED_OUT', note: 'x' })).status).toBe(409);

    const landlordFile = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
      token: token['office64.bailleur'],
    });
    expect(landlordFile.body.priority).toEqual({
      isPriority: true,
      criteria: ['EVICTION_WITHOUT_REHOUSING'],
    });
    const landlordFlags = await flags('office64.bailleur', file.id);
    expect(landlordFlags.body.items).toEqual([
      expect.objectContaining({ criterion: 'EVICTION_WITHOUT_REHOUSING', status: 'CONFIRMED' }),
    ]);
    expect(JSON.stringify(landlordFlags.body)).not.toContain('Jugement');
    expect(JSON.stringify(landlordFlags.body)).not.toContain('Commandement');

    const timeline = await t.request<Page<TimelineEventView>>(
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
      { token: token['office64.bailleur'] },
    );
    expect(timeline.body.items[0]).toEqual(
      expect.objectContaining({
        type: 'FLAG_CONFIRMED',
        details: { criterion: 'EVICTION_WITHOUT_REHOUSING' },
      }),
    );
    const social = await t.request<Page<TimelineEventView>>(
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
      { token: token['orthez.ts'] },
    );
    expect(social.body.items[0]?.details).toMatchObject({ note: 'Jugement vu, expulsion au 15 juillet' });
  });

  it('shows ruled-out flags to social workers only and keeps the file non-priority', async () => {
    const file = await registeredFile(t, token['mourenx.agent']!);
    const flag = (await suspect('office64.bailleur', file.id, { criterion: 'DISABILITY' })).body;
    const ruledOut = await decide('orthez.ts', flag.id, {
      status: 'RULED_OUT',
      note: 'Pas de handicap reconnu',
    });
    expect(ruledOut.status).toBe(200);
    expect((await flags('orthez.ts', file.id)).body.items.map((f) => f.status)).toEqual(['RULED_OUT']);
    expect((await flags('mourenx.agent', file.id)).body.items).toEqual([]);
    const read = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
      token: token['mourenx.agent'],
    });
    expect(read.body.priority).toEqual({ isPriority: false, criteria: [] });
  });
});
