import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FragilityFlagView, Role } from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  click,
  configureCasework,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { FragilitySection } from './fragility.section';

const LIST = '/api/applicant-files/f1/fragility-flags';

function aFlag(overrides: Partial<FragilityFlagView> = {}): FragilityFlagView {
  return {
    id: 'g1',
    applicantFileId: 'f1',
    criterion: 'DISABILITY',
    status: 'SUSPECTED',
    suspectedAt: '2026-03-11T23:30:00Z',
    suspectedBy: { organizationId: 'org-lagor', organizationName: 'Mairie de Lagor' },
    ...overrides,
  };
}

async function openSection(role: Role) {
  const http = configureCasework();
  await signIn(aUser(role));
  await holdFile(aFile({ priority: { isPriority: true, criteria: ['DALO_DECISION'] } }));
  const fixture = TestBed.createComponent(FragilitySection);
  await settle();
  return { http, host: fixture.nativeElement as HTMLElement };
}

async function expand(host: HTMLElement, http: HttpTestingController, flags: FragilityFlagView[] | null) {
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
  const request = http.expectOne((candidate) => candidate.url === LIST);
  if (flags) request.flush({ items: flags, total: flags.length, page: 1, pageSize: 100 });
  else refuse(request, 503);
  await settle();
}

describe('FragilitySection', () => {
  it('shows the confirmed priority criteria of the file before anything is loaded', async () => {
    const { host, http } = await openSection('LANDLORD_OFFICER');
    expect(text(host.querySelector('mat-chip-set'))).toBe('Décision favorable DALO');
    http.expectNone((request) => request.url === LIST);
  });

  it('lists suspected flags first, in French, with the Paris day and who suspected them', async () => {
    const { host, http } = await openSection('SOCIAL_WORKER');
    await expand(host, http, [
      aFlag({ id: 'old', status: 'RULED_OUT', criterion: 'UNFIT_HOUSING', decidedOn: '2026-02-01' }),
      aFlag(),
    ]);
    const items = [...host.querySelectorAll('ul.flags > li')];
    expect(items.map((item) => text(item.querySelector('h3')))).toEqual([
      'Personne en situation de handicap ou ayant à charge une personne handicapée',
      'Exposé à des situations d’habitat indigne',
    ]);
    expect(text(items[0])).toContain('Suspectée');
    expect(text(items[0])).toContain('Signalée le 12/03/2026 par Mairie de Lagor');
    expect(text(items[1])).toContain('Écartée le 01/02/2026');
  });

  it.each<[Role, string[]]>([
    ['SOCIAL_WORKER', ['Signaler une fragilité', 'Confirmer', 'Écarter']],
    ['INFO_POINT_AGENT', ['Signaler une fragilité']],
    ['LANDLORD_OFFICER', ['Signaler une fragilité']],
  ])('offers a %s what the permission table allows', async (role, offered) => {
    const { host, http } = await openSection(role);
    // Only the suspected flag is left to decide.
    await expand(host, http, [aFlag(), aFlag({ id: 'g2', status: 'CONFIRMED' })]);
    expect(actionLabels(host)).toEqual(offered);
  });

  it('is not there for a coordinator, who may not list flags', async () => {
    const { host, http } = await openSection('COORDINATOR');
    expect(host.querySelector('mat-expansion-panel')).toBeNull();
    http.expectNone((request) => request.url === LIST);
  });

  it('says so, in French, when the flags cannot be loaded, and retries', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host, http, null);
    expect(text(host.querySelector('[role="alert"]'))).toContain(
      "Les fragilités n'ont pas pu être chargées.",
    );
    await click(host, 'Réessayer');
    http.expectOne((request) => request.url === LIST).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    expect([...host.querySelectorAll('.empty')].map(text)).toEqual([
      expect.stringContaining(
        "Aucune fragilité signalée. Si l'entretien fait apparaître une situation prioritaire",
      ),
    ]);
  });
});
