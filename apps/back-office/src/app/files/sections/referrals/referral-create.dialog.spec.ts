import type { OrganizationView } from '@passerelle/shared/domain';
import {
  aFile,
  API_ENGLISH,
  answerReload,
  choose,
  click,
  closing,
  configureCasework,
  holdFile,
  openDialog,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { ReferralCreateDialog } from './referral-create.dialog';

const ORGANIZATIONS: OrganizationView[] = [
  {
    id: 'org-sdsei',
    name: 'SDSEI',
    type: 'SOCIAL_SERVICE',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: 'org-lagor',
    name: 'Mairie de Lagor',
    type: 'RELAY_POINT',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: 'org-office64',
    name: "Office 64 de l'Habitat",
    type: 'LANDLORD',
    registersDemands: true,
    requiresProConnect: false,
  },
  {
    id: 'org-mourenx',
    name: 'Point-info de Mourenx',
    type: 'INFO_POINT',
    registersDemands: true,
    requiresProConnect: false,
  },
];

async function openReferral(organizations: OrganizationView[] | null = ORGANIZATIONS) {
  const http = configureCasework();
  await signIn(aUser('RELAY_CLERK'));
  await holdFile(aFile({ status: 'CONTACT' }));
  const { ref, dialog } = await openDialog(ReferralCreateDialog);
  const reference = http.expectOne('/api/organizations');
  if (organizations) reference.flush(organizations);
  else refuse(reference, 503);
  await settle();
  return { http, dialog, outcome: closing(ref) };
}

describe('ReferralCreateDialog', () => {
  it('names the person and offers the destinations by type, never a relay point', async () => {
    const { dialog } = await openReferral();
    expect(text(dialog.querySelector('h2'))).toBe('Orienter DUPRÉ Hélène');
    dialog.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle();
    const groups = [...document.querySelectorAll('mat-optgroup')].map((group) =>
      group.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim(),
    );
    expect(groups).toHaveLength(3);
    const options = [...document.querySelectorAll('mat-option')].map(text);
    expect(options).toEqual(['Point-info de Mourenx', "Office 64 de l'Habitat", 'SDSEI']);
  });

  it('says in French when the organisations cannot be loaded', async () => {
    const { dialog } = await openReferral(null);
    expect(text(dialog.querySelector('[role="alert"]'))).toContain(
      'La liste des organismes n’a pas pu être chargée.',
    );
  });

  it('asks for a destination and a reason before sending anything', async () => {
    const { http, dialog } = await openReferral();
    await click(dialog, 'Envoyer l’orientation');
    http.expectNone('/api/referrals');
    expect(text(dialog)).toContain('Choisissez l’organisme qui recevra la personne.');
    expect(text(dialog)).toContain('Dites en quelques mots ce dont la personne a besoin.');
  });

  it('sends the referral of this file, trimmed, then closes', async () => {
    const { http, dialog, outcome } = await openReferral();
    await choose(dialog, 'Organisme destinataire', 'SDSEI');
    await type(dialog, 'Motif de l’orientation', '  Besoin d’un accompagnement.  ');
    await type(dialog, 'Souhait de rendez-vous', '   ');
    await click(dialog, 'Envoyer l’orientation');
    const request = http.expectOne({ method: 'POST', url: '/api/referrals' });
    expect(request.request.body).toEqual({
      applicantFileId: 'f1',
      toOrganizationId: 'org-sdsei',
      reason: 'Besoin d’un accompagnement.',
    });
    request.flush({});
    await answerReload(aFile({ status: 'CONTACT', version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('after a 409, says in French what happened and stays open', async () => {
    const { http, dialog, outcome } = await openReferral();
    await choose(dialog, 'Organisme destinataire', 'SDSEI');
    await type(dialog, 'Motif de l’orientation', 'Besoin.');
    await click(dialog, 'Envoyer l’orientation');
    refuse(http.expectOne('/api/referrals'), 409);
    await settle();
    expect(text(dialog.querySelector('.api-error'))).toBe(
      'L’envoi de l’orientation a échoué : l’état a changé entre-temps. Rechargez la page.',
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
    expect(text(dialog.querySelector('button[type="submit"]'))).toBe('Envoyer l’orientation');
  });
});
