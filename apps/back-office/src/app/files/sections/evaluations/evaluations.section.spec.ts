import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { EvaluationView, Page, Role } from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  API_ENGLISH,
  answerReload,
  click,
  configureCasework,
  definitions,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { EvaluationsSection } from './evaluations.section';

const LIST = '/api/applicant-files/f1/evaluations';

function anEvaluation(overrides: Partial<EvaluationView> = {}): EvaluationView {
  return {
    id: 'e1',
    applicantFileId: 'f1',
    kind: 'HOUSING_PROJECT',
    notes: 'Souhaite se rapprocher de son travail.',
    diagnosis: { typologies: ['T2', 'T6_PLUS'], communes: ['64410', '99999'] },
    author: {
      userId: 'user-info_point_agent',
      displayName: 'Camille Etcheverry',
      organizationId: 'org-mourenx',
      organizationName: 'Point-info logement social de Mourenx',
    },
    // 23:30 UTC on 11 March is already the 12th in Paris.
    createdAt: '2026-03-11T23:30:00Z',
    appliedAt: null,
    ...overrides,
  };
}

const page = (items: EvaluationView[]): Page<EvaluationView> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 100,
});

async function openSection(role: Role, file = aFile()) {
  const http = configureCasework();
  await signIn(aUser(role));
  await holdFile(file);
  const fixture = TestBed.createComponent(EvaluationsSection);
  await settle();
  // The section asks for the communes at once, to name the recommended ones.
  http
    .match('/api/communes')
    .forEach((request) =>
      request.flush([{ inseeCode: '64410', name: 'Mourenx', postcodes: ['64150'], population: 6500 }]),
    );
  const host = fixture.nativeElement as HTMLElement;
  return { http, fixture, host };
}

async function expand(host: HTMLElement, http: HttpTestingController, answer?: Page<EvaluationView>) {
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
  const request = http.expectOne((candidate) => candidate.url === LIST);
  expect(request.request.params.toString()).toBe('page=1&pageSize=100');
  if (answer) {
    request.flush(answer);
    await settle();
  }
  return request;
}

describe('EvaluationsSection', () => {
  it.each<[Role, string[]]>([
    ['INFO_POINT_AGENT', ['Écrire une évaluation du projet logement']],
    ['LANDLORD_OFFICER', ['Écrire une évaluation du projet logement']],
    ['SOCIAL_WORKER', ['Écrire une évaluation du projet logement', 'Écrire une évaluation sociale']],
  ])('offers a %s the evaluations the permission table lets it write', async (role, offered) => {
    const { host } = await openSection(role);
    expect(text(host.querySelector('h2'))).toBe('Évaluations');
    expect(actionLabels(host).filter((label) => label.startsWith('Écrire'))).toEqual(offered);
  });

  it.each<Role>(['RELAY_CLERK', 'COORDINATOR'])('is not there at all for a %s', async (role) => {
    const { host, http } = await openSection(role);
    expect(host.querySelector('mat-expansion-panel')).toBeNull();
    http.expectNone((request) => request.url === LIST);
  });

  it('loads once opened, and shows an evaluation in French: Paris day, typologies, communes', async () => {
    const { host, http } = await openSection('SOCIAL_WORKER');
    http.expectNone((request) => request.url === LIST);
    await expand(host, http, page([anEvaluation()]));
    const article = host.querySelector('article');
    expect(text(article?.querySelector('h3'))).toBe('Évaluation du projet logement du 12/03/2026');
    expect(text(article)).toContain('Camille Etcheverry · Point-info logement social de Mourenx');
    expect(definitions(article)).toEqual({
      'Typologies recommandées': 'T2, T6 et plus',
      // A commune the reference list does not know keeps its code.
      'Communes recommandées': 'Mourenx, 99999',
    });
  });

  it('says there is none yet, and how to write one to those who may', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host, http, page([]));
    expect(text(host.querySelector('.empty'))).toContain(
      "Aucune évaluation pour l'instant. Après l'entretien, utilisez « Écrire une évaluation »",
    );
  });

  it('says in French when the list cannot be loaded, and tries again on demand', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    refuse(await expand(host, http), 500);
    await settle();
    const alert = host.querySelector('[role="alert"]');
    expect(text(alert)).toContain("Les évaluations n'ont pas pu être chargées.");
    expect(text(host)).not.toContain(API_ENGLISH);
    await click(host, 'Réessayer');
    http.expectOne((request) => request.url === LIST).flush(page([anEvaluation()]));
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelectorAll('article')).toHaveLength(1);
  });

  it('offers to apply the recommended wishes to their author only, and only once', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(
      host,
      http,
      page([
        anEvaluation({ id: 'mine' }),
        anEvaluation({
          id: 'theirs',
          author: { ...anEvaluation().author, userId: 'someone-else' },
        }),
        anEvaluation({ id: 'applied', appliedAt: '2026-03-20T09:00:00Z' }),
        anEvaluation({ id: 'nothing', diagnosis: { conclusion: 'RAS' } }),
      ]),
    );
    const offers = [...host.querySelectorAll('article')].map((article) =>
      actionLabels(article).includes('Appliquer les souhaits recommandés au dossier'),
    );
    expect(offers).toEqual([true, false, false, false]);
    expect(text(host.querySelectorAll('article')[2])).toContain(
      'Souhaits recommandés appliqués au dossier le 20/03/2026.',
    );
  });

  it('applies the wishes with the file’s ETag, and says so', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host, http, page([anEvaluation()]));
    await click(host, 'Appliquer les souhaits recommandés au dossier');
    const request = http.expectOne({ method: 'POST', url: '/api/evaluations/e1/apply-wishes' });
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    request.flush(aFile({ version: 4 }), { headers: { ETag: '"4"' } });
    await settle();
    // The file changed: the list follows its revision.
    http
      .expectOne((candidate) => candidate.url === LIST)
      .flush(page([anEvaluation({ appliedAt: '2026-03-20T09:00:00Z' })]));
    await settle();
    expect(text(host.querySelector('[role="status"]'))).toBe('Les souhaits du dossier ont été mis à jour.');
  });

  it('after a 412, says the file changed and offers to reload it, never overwriting', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host, http, page([anEvaluation()]));
    await click(host, 'Appliquer les souhaits recommandés au dossier');
    refuse(http.expectOne('/api/evaluations/e1/apply-wishes'), 412);
    await settle();
    const alert = host.querySelector('bo-write-failure [role="alert"]');
    expect(text(alert)).toContain("Ce dossier a été modifié par quelqu'un d'autre.");
    expect(text(host)).not.toContain(API_ENGLISH);
    http.expectNone('/api/evaluations/e1/apply-wishes');
    await click(host, 'Recharger');
    await answerReload(aFile({ version: 5 }));
    http.match((candidate) => candidate.url === LIST).forEach((request) => request.flush(page([])));
    await settle();
    expect(host.querySelector('bo-write-failure')).toBeNull();
  });

  it('after a 409, says why in its own French words', async () => {
    const { host, http } = await openSection('INFO_POINT_AGENT');
    await expand(host, http, page([anEvaluation()]));
    await click(host, 'Appliquer les souhaits recommandés au dossier');
    refuse(http.expectOne('/api/evaluations/e1/apply-wishes'), 409);
    await settle();
    expect(text(host.querySelector('bo-write-failure'))).toContain(
      'Les recommandations ne peuvent pas être appliquées : rien à appliquer, ou le dossier ne peut plus être modifié.',
    );
    expect(actionLabels(host)).not.toContain('Recharger');
  });
});
