import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type FilesReport, REPORTING_INDICATORS } from '@passerelle/shared/domain';
import {
  API_ENGLISH,
  choose,
  click,
  configureCasework,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../testing/casework';
import { aUser } from '../../testing/users';
import { ReportChartComponent } from './report-chart.component';
import type { ReportTable } from './report-table';
import { ReportingPage } from './reporting.page';

/** jsdom draws no canvas: the chart (a picture of the table) is left out here. */
@Component({ selector: 'bo-report-chart', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ChartStub {
  readonly table = input.required<ReportTable>();
}

const FILES: FilesReport = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  computedOn: '2026-05-12',
  view: 'ownOrganizationAndTerritory',
  minCasesPerFigure: 5,
  summaryRefreshedAt: null,
  organization: {
    id: 'org-mourenx',
    name: 'Point-info Mourenx',
    type: 'INFO_POINT',
    atEndOfPeriod: {
      total: 43,
      byStatus: [
        { status: 'REGISTERED', count: 40, suppressed: false },
        { status: 'RENEWAL_DUE', count: null, suppressed: true },
      ],
      byCommune: [],
      byTypology: [],
    },
    enteredDuringPeriod: { total: 0, byCommune: [], byTypology: [] },
  },
  territory: {
    atEndOfPeriod: {
      total: 1235,
      byStatus: [
        { status: 'REGISTERED', count: 1200, suppressed: false },
        { status: 'RENEWAL_DUE', count: 35, suppressed: false },
      ],
      byCommune: [],
      byTypology: [],
    },
    enteredDuringPeriod: { total: 0, byCommune: [], byTypology: [] },
  },
} as FilesReport;

async function openPage(url: string) {
  TestBed.overrideComponent(ReportingPage, {
    remove: { imports: [ReportChartComponent] },
    add: { imports: [ChartStub] },
  });
  const http = configureCasework([
    provideRouter([{ path: 'pilotage', component: ReportingPage }], withComponentInputBinding()),
  ]);
  await signIn(aUser('INFO_POINT_AGENT'));
  const harness = await RouterTestingHarness.create(url);
  await settle();
  return { http, harness, page: harness.routeNativeElement as HTMLElement };
}

const indicatorRequests = (http: ReturnType<typeof configureCasework>) =>
  http.match((request) => request.url.startsWith('/api/reporting/'));

describe('ReportingPage', () => {
  it('asks each indicator for the period of the URL', async () => {
    const { http } = await openPage('/pilotage?annee=2025');
    const requests = indicatorRequests(http);
    expect(requests.map((request) => request.request.url)).toEqual(
      REPORTING_INDICATORS.map((indicator) => `/api/reporting/${indicator}`),
    );
    expect(requests.map((request) => request.request.params.toString())).toEqual(
      REPORTING_INDICATORS.map(() => 'year=2025'),
    );
  });

  it('shows a thin figure as « moins de 5 cas », and an indicator that failed on its own, in French', async () => {
    const { http, harness, page } = await openPage('/pilotage?annee=2025');
    for (const request of indicatorRequests(http)) {
      if (request.request.url === '/api/reporting/files') request.flush(FILES);
      else refuse(request, 500);
    }
    await settle();
    harness.detectChanges();
    expect(text(page.querySelector('.intro'))).toBe(
      'Les indicateurs du service d’information sur le logement social pour l’année 2025 , soit du 1er janvier 2025 au 31 décembre 2025 . Chiffres de votre organisation et totaux du territoire.',
    );
    const files = page.querySelector('#indicateur-files')?.closest('section');
    const statusRows = [...(files?.querySelectorAll('bo-report-table:first-of-type tbody tr') ?? [])].map(
      (row) => text(row),
    );
    expect(statusRows).toEqual(['Enregistrée 40 1 200', 'À renouveler moins de 5 cas 35', 'Total 43 1 235']);
    const referrals = page.querySelector('#indicateur-referrals')?.closest('section');
    expect(text(referrals)).toContain(
      'Cet indicateur n’a pas pu être chargé. Rechargez la page dans quelques instants.',
    );
    expect(text(page)).not.toContain(API_ENGLISH);
    expect(text(page)).toContain('Les chiffres sont en cours de première préparation');
  });

  it('refuses a period that ends before it starts, without asking anything', async () => {
    const { http, page } = await openPage('/pilotage');
    indicatorRequests(http).forEach((request) => refuse(request, 500));
    await choose(page, 'Période', 'Des dates choisies');
    await type(page, 'Du', '2025-06-01');
    await type(page, 'Au', '2025-01-01');
    await click(page, 'Afficher');
    expect(text(page.querySelector('[role="alert"] .error'))).toBe(
      'La date de fin doit suivre la date de début.',
    );
    expect(TestBed.inject(Router).url).toBe('/pilotage');
    expect(indicatorRequests(http)).toEqual([]);
  });

  it('puts the chosen year in the URL, which asks the indicators again', async () => {
    const { http, page } = await openPage('/pilotage');
    indicatorRequests(http).forEach((request) => refuse(request, 500));
    await choose(page, 'Période', 'Une année');
    await choose(page, 'Année', '2025');
    await click(page, 'Afficher');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/pilotage?annee=2025');
    expect(indicatorRequests(http).map((request) => request.request.params.toString())).toEqual(
      REPORTING_INDICATORS.map(() => 'year=2025'),
    );
  });
});
