import { TestBed } from '@angular/core/testing';
import type { FileStatus, ReferralView, Role } from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  API_ENGLISH,
  click,
  configureCasework,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { ReferralsSection } from './referrals.section';

const REFERRAL: ReferralView = {
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
  reason: 'Besoin d’un accompagnement.',
  suspectedCriteria: ['DISABILITY'],
  appointmentWish: 'le mercredi matin',
  status: 'DECLINED',
  declineReason: 'Hors secteur.',
  createdAt: '2026-03-11T23:30:00Z',
  respondedAt: '2026-03-13T08:05:00Z',
};

async function openSection(role: Role, status: FileStatus = 'REGISTERED') {
  const http = configureCasework();
  await signIn(aUser(role));
  await holdFile(aFile({ status }));
  const fixture = TestBed.createComponent(ReferralsSection);
  await settle();
  return { http, host: fixture.nativeElement as HTMLElement };
}

async function expand(host: HTMLElement) {
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
}

const isList = (request: { url: string }) => request.url === '/api/referrals';

describe('ReferralsSection', () => {
  it('loads the file’s referrals once opened and shows them in French, Paris time', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    http.expectNone(isList);
    await expand(host);
    const request = http.expectOne(isList);
    expect(request.request.params.toString()).toBe('applicantFileId=f1&pageSize=100');
    request.flush({ items: [REFERRAL], total: 1, page: 1, pageSize: 100 });
    await settle();
    const cells = [...host.querySelectorAll('tbody td')].map(text);
    expect(cells).toEqual([
      'Mairie de Lagor Jeanne Lartigue',
      'SDSEI',
      expect.stringContaining('Fragilités suspectées : Personne en situation de handicap'),
      'Refusée Motif du refus : Hors secteur.',
      'Envoyée le 12/03/2026 00:30 Réponse le 13/03/2026 09:05',
    ]);
    expect(cells[2]).toContain('Souhait de rendez-vous : le mercredi matin');
  });

  it.each<[Role, FileStatus, string[]]>([
    ['RELAY_CLERK', 'CONTACT', ['Orienter']],
    ['SOCIAL_WORKER', 'REGISTERED', ['Orienter']],
    ['SOCIAL_WORKER', 'CLOSED', []],
  ])('offers a %s « Orienter » on a %s file as the table says', async (role, status, offered) => {
    const { host, http } = await openSection(role, status);
    await expand(host);
    http.expectOne(isList).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    expect(actionLabels(host)).toEqual(offered);
    expect(text(host.querySelector('.empty-state'))).toContain(
      'Votre organisme n’a envoyé ni reçu aucune orientation pour cette personne.',
    );
    expect(text(host.querySelector('.empty-state')).includes('Utilisez « Orienter »')).toBe(
      offered.length > 0,
    );
  });

  it('is not there for a coordinator', async () => {
    const { host } = await openSection('COORDINATOR');
    expect(host.querySelector('mat-expansion-panel')).toBeNull();
  });

  it('says so in French when the list cannot be loaded, and retries', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host);
    refuse(http.expectOne(isList), 500);
    await settle();
    expect(text(host.querySelector('[role="alert"]'))).toContain(
      'Les orientations de ce dossier n’ont pas pu être chargées.',
    );
    expect(text(host)).not.toContain(API_ENGLISH);
    await click(host, 'Réessayer');
    http.expectOne(isList).flush({ items: [REFERRAL], total: 1, page: 1, pageSize: 100 });
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
