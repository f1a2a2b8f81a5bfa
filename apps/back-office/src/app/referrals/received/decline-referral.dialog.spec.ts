import type { ReferralView } from '@passerelle/shared/domain';
import {
  API_ENGLISH,
  click,
  closing,
  configureCasework,
  openDialog,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../../testing/casework';
import { aUser } from '../../../testing/users';
import { DeclineReferralDialog } from './decline-referral.dialog';

const REFERRAL = {
  id: 'r1',
  applicantFileId: 'f1',
  applicant: { lastName: 'Dupré', firstNames: 'Hélène' },
  from: {
    organizationId: 'org-lagor',
    organizationName: 'Mairie de Lagor',
    organizationType: 'RELAY_POINT',
    userId: 'u1',
    displayName: 'Jeanne Lartigue',
  },
  to: { organizationId: 'org-sdsei', organizationName: 'SDSEI', organizationType: 'SOCIAL_SERVICE' },
  reason: 'Accompagnement.',
  suspectedCriteria: [],
  status: 'SENT',
  createdAt: '2026-03-11T23:30:00Z',
} satisfies ReferralView;

async function openDecline(referral: ReferralView | null = REFERRAL) {
  const http = configureCasework();
  await signIn(aUser('SOCIAL_WORKER'));
  const { ref, dialog } = await openDialog(DeclineReferralDialog, { id: 'r1' });
  const get = http.expectOne({ method: 'GET', url: '/api/referrals/r1' });
  if (referral) get.flush(referral);
  else refuse(get, 404);
  await settle();
  return { http, dialog, outcome: closing(ref) };
}

describe('DeclineReferralDialog', () => {
  it('says whose referral it is, from whom and when (Paris time)', async () => {
    const { dialog } = await openDecline();
    expect(text(dialog.querySelector('mat-dialog-content p'))).toBe(
      'Orientation de Hélène Dupré , envoyée par Mairie de Lagor le 12/03/2026 00:30.',
    );
  });

  it('requires a reason, then declines with it (trimmed) and closes with the answer', async () => {
    const { http, dialog, outcome } = await openDecline();
    await click(dialog, 'Confirmer le refus');
    http.expectNone({ method: 'PATCH', url: '/api/referrals/r1' });
    expect(text(dialog)).toContain('Dites pourquoi vous refusez cette orientation.');
    await type(dialog, 'Motif du refus', '  Hors secteur.  ');
    await click(dialog, 'Confirmer le refus');
    const request = http.expectOne({ method: 'PATCH', url: '/api/referrals/r1' });
    expect(request.request.body).toEqual({ status: 'DECLINED', reason: 'Hors secteur.' });
    const answered = { ...REFERRAL, status: 'DECLINED' as const, declineReason: 'Hors secteur.' };
    request.flush(answered);
    await settle();
    expect(outcome).toEqual({ closed: true, result: answered });
  });

  it('offers no refusal of a referral already answered', async () => {
    const { dialog } = await openDecline({ ...REFERRAL, status: 'ACCEPTED' });
    expect(text(dialog.querySelector('[role="alert"]'))).toBe(
      'Cette orientation a déjà reçu une réponse : elle ne peut plus être refusée.',
    );
    expect(dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
  });

  it('says so when the referral cannot be found', async () => {
    const { dialog } = await openDecline(null);
    expect(text(dialog.querySelector('[role="alert"]'))).toBe(
      'Cette orientation n’existe plus ou ne vous est pas accessible. Fermez et rechargez la liste.',
    );
  });

  it('after a 409, says in French that it changed meanwhile, and stays open', async () => {
    const { http, dialog, outcome } = await openDecline();
    await type(dialog, 'Motif du refus', 'Hors secteur.');
    await click(dialog, 'Confirmer le refus');
    refuse(http.expectOne({ method: 'PATCH', url: '/api/referrals/r1' }), 409);
    await settle();
    expect(text(dialog.querySelector('p.error'))).toBe(
      'Le refus de l’orientation a échoué : l’état a changé entre-temps. Rechargez la page.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
  });
});
