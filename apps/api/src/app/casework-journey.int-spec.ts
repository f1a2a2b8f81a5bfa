import type {
  ApplicantFileView,
  AppointmentView,
  EvaluationView,
  FragilityFlagView,
  OrganizationView,
  Page,
  ReferralView,
  TimelineEventView,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile } from '@api/testing/builders';

/**
 * Issue « case work », must show: a relay clerk's referral followed to the end — suspected flag →
 * referral → accepted → appointment → social evaluation → flag confirmed — each step visible to
 * the right people only.
 */
describe('a relay clerk’s referral, followed to the end', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = <T>(who: string, method: string, path: string, body?: unknown) =>
    t.request<T>(method, path, { token: token[who], body });

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of [
      'lagor.relais',
      'monein.relais',
      'sdsei.ts',
      'orthez.ts',
      'mourenx.agent',
      'office64.bailleur',
      'cclo.coordination',
    ]) {
      token[u] = (await t.login(u)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('goes from suspicion to confirmed priority, each step seen by whom it concerns', async () => {
    const organizations = (await as<OrganizationView[]>('lagor.relais', 'GET', '/api/organizations')).body;
    const sdsei = organizations.find((o) => o.type === 'SOCIAL_SERVICE' && o.name.includes('SDSEI'))!;

    // 1. The relay clerk records a minimal contact and refers it, suspecting violence.
    const file = await createFile(t, token['lagor.relais']!, {
      applicant: { lastName: 'Bordenave', firstNames: 'Lucie', birthDate: '1991-09-09' },
      contact: { phone: '06 11 22 33 44', inseeCode: '64301' },
    });
    const sent = await as<ReferralView>('lagor.relais', 'POST', '/api/referrals', {
      applicantFileId: file.id,
      toOrganizationId: sdsei.id,
      reason: 'Situation de violences évoquée au guichet, hébergée chez une amie',
      suspectedCriteria: ['DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE'],
    });
    expect(sent.status).toBe(201);
    const relayFlags = await as<Page<FragilityFlagView>>(
      'lagor.relais',
      'GET',
      `/api/applicant-files/${file.id}/fragility-flags`,
    );
    expect(relayFlags.body.items.map((f) => [f.criterion, f.status])).toEqual([
      ['DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE', 'SUSPECTED'],
    ]);

    // Not seen by those it does not concern.
    for (const who of ['monein.relais', 'office64.bailleur']) {
      expect((await as(who, 'GET', `/api/applicant-files/${file.id}`)).status).toBe(404);
    }
    expect(
      (await as<Page<ReferralView>>('monein.relais', 'GET', '/api/referrals?direction=sent')).body.total,
    ).toBe(0);

    // 2. The social service finds it in its inbox and accepts it.
    const inbox = await as<Page<ReferralView>>(
      'sdsei.ts',
      'GET',
      '/api/referrals?direction=received&status=SENT',
    );
    expect(inbox.body.items.map((r) => r.id)).toEqual([sent.body.id]);
    expect(
      (await as('sdsei.ts', 'PATCH', `/api/referrals/${sent.body.id}`, { status: 'ACCEPTED' })).status,
    ).toBe(200);
    const followed = await as<Page<ReferralView>>('lagor.relais', 'GET', '/api/referrals?direction=sent');
    expect(followed.body.items[0]).toMatchObject({ id: sent.body.id, status: 'ACCEPTED' });

    // 3. An appointment at the social service, honoured.
    const appointment = await as<AppointmentView>('sdsei.ts', 'POST', '/api/appointments', {
      applicantFileId: file.id,
      startsAt: '2026-06-18T08:30:00Z',
      durationMinutes: 60,
    });
    expect(appointment.status).toBe(201);
    expect(
      (await as('mourenx.agent', 'PATCH', `/api/appointments/${appointment.body.id}`, { outcome: 'MISSED' }))
        .status,
    ).toBe(404);
    t.clock.set('2026-06-18T10:00:00Z');
    expect(
      (await as('sdsei.ts', 'PATCH', `/api/appointments/${appointment.body.id}`, { outcome: 'HONOURED' }))
        .status,
    ).toBe(200);

    // 4. The social evaluation: its notes stay with social workers.
    const evaluation = await as<EvaluationView>(
      'sdsei.ts',
      'POST',
      `/api/applicant-files/${file.id}/evaluations`,
      {
        kind: 'SOCIAL',
        notes: 'Violences conjugales confirmées, dépôt de plainte en cours.',
      },
    );
    expect(evaluation.status).toBe(201);
    expect(
      (await as<Page<EvaluationView>>('orthez.ts', 'GET', `/api/applicant-files/${file.id}/evaluations`)).body
        .total,
    ).toBe(1);
    expect(
      (await as<Page<EvaluationView>>('mourenx.agent', 'GET', `/api/applicant-files/${file.id}/evaluations`))
        .body.total,
    ).toBe(0);
    expect((await as('lagor.relais', 'GET', `/api/applicant-files/${file.id}/evaluations`)).status).toBe(403);

    // 5. The social worker confirms the criterion: the file becomes a priority one.
    const flag = (
      await as<Page<FragilityFlagView>>('sdsei.ts', 'GET', `/api/applicant-files/${file.id}/fragility-flags`)
    ).body.items[0]!;
    const confirmed = await as<FragilityFlagView>('sdsei.ts', 'PATCH', `/api/fragility-flags/${flag.id}`, {
      status: 'CONFIRMED',
      note: 'Plainte déposée le 17 juin, ordonnance de protection demandée',
    });
    expect(confirmed.status).toBe(200);
    expect((await as('sdsei.ts', 'PATCH', `/api/referrals/${sent.body.id}`, { status: 'DONE' })).status).toBe(
      200,
    );

    const agentView = await as<ApplicantFileView>('mourenx.agent', 'GET', `/api/applicant-files/${file.id}`);
    expect(agentView.body.priority).toEqual({
      isPriority: true,
      criteria: ['DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE'],
    });
    const agentFlags = await as<Page<FragilityFlagView>>(
      'mourenx.agent',
      'GET',
      `/api/applicant-files/${file.id}/fragility-flags`,
    );
    expect(agentFlags.body.items.map((f) => f.status)).toEqual(['CONFIRMED']);
    expect(JSON.stringify(agentFlags.body)).not.toContain('Plainte');

    // The relay clerk keeps its contact card, its referral's outcome, and nothing of the social work.
    const relayView = await as<ApplicantFileView>('lagor.relais', 'GET', `/api/applicant-files/${file.id}`);
    expect(relayView.body.priority).toBeUndefined();
    expect(
      (
        await as<Page<FragilityFlagView>>(
          'lagor.relais',
          'GET',
          `/api/applicant-files/${file.id}/fragility-flags`,
        )
      ).body.items,
    ).toEqual([]);
    const relayTimeline = await as<Page<TimelineEventView>>(
      'lagor.relais',
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
    );
    expect(relayTimeline.body.items.map((e) => e.type)).toEqual([
      'REFERRAL_DONE',
      'REFERRAL_ACCEPTED',
      'REFERRAL_SENT',
    ]);
    expect(
      (await as<Page<ReferralView>>('lagor.relais', 'GET', '/api/referrals?direction=sent')).body.items[0]
        ?.status,
    ).toBe('DONE');

    // The info-point agent's timeline shows every step, social content withheld.
    const agentTimeline = await as<Page<TimelineEventView>>(
      'mourenx.agent',
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
    );
    expect(agentTimeline.body.items.map((e) => e.type)).toEqual([
      'REFERRAL_DONE',
      'FLAG_CONFIRMED',
      'SOCIAL_EVALUATION',
      'APPOINTMENT_UPDATED',
      'APPOINTMENT_BOOKED',
      'REFERRAL_ACCEPTED',
      'FLAG_SUSPECTED',
      'REFERRAL_SENT',
      'FILE_CREATED',
    ]);
    expect(JSON.stringify(agentTimeline.body)).not.toMatch(/Violences conjugales|Plainte déposée/);
    const socialTimeline = await as<Page<TimelineEventView>>(
      'sdsei.ts',
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
    );
    expect(JSON.stringify(socialTimeline.body)).toContain('Plainte déposée');
    expect((await as('cclo.coordination', 'GET', `/api/applicant-files/${file.id}/timeline`)).status).toBe(
      403,
    );
  });
});
