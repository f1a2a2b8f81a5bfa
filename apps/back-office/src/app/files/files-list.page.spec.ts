import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ApplicantFileSummary, Page } from '@passerelle/shared/domain';
import { FilesListPage } from './files-list.page';
import { FRENCH_MATERIAL } from './material-fr';

const EMPTY: Page<ApplicantFileSummary> = { items: [], total: 0, page: 1, pageSize: 20 };

async function settle(harness: RouterTestingHarness, ms = 0) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await harness.fixture.whenStable();
  harness.detectChanges();
}

async function openList(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNativeDateAdapter(),
      provideRouter([{ path: 'dossiers', component: FilesListPage, providers: [FRENCH_MATERIAL] }]),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne('/api/communes')
    .flush([{ inseeCode: '64410', name: 'Mourenx', postcodes: [], population: 1 }]);
  return { harness, http, router: TestBed.inject(Router), page: harness.routeNativeElement as HTMLElement };
}

function listRequests(http: HttpTestingController): TestRequest[] {
  return http.match((request) => request.url === '/api/applicant-files');
}

describe('FilesListPage', () => {
  it('asks the API for what the URL says', async () => {
    const { harness, http } = await openList(
      '/dossiers?status=REGISTERED&commune=64410&page=2&sort=name&order=asc',
    );
    await settle(harness);
    const [request] = listRequests(http);
    expect(request.request.params.toString()).toBe(
      'page=2&pageSize=20&status=REGISTERED&commune=64410&sort=name&order=asc',
    );
    request.flush(EMPTY);
    await settle(harness);
    expect(harness.routeNativeElement?.textContent).toContain('Aucun dossier ne correspond.');
  });

  it('searches as the user types, once typing pauses, into the URL', async () => {
    const { harness, http, router, page } = await openList('/dossiers?status=CONTACT&page=3');
    await settle(harness);
    listRequests(http).forEach((request) => request.flush(EMPTY));

    const input = page.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search box');
    // Three keystrokes in a row: one request, for the last text only.
    for (const text of ['m', 'me', 'men']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    }
    await settle(harness, 300);
    // One request for the last text; the filter stays, the page goes back to the first.
    expect(router.url).toBe('/dossiers?q=men&status=CONTACT');
    const requests = listRequests(http);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.params.get('q')).toBe('men');
    expect(requests[0].request.params.get('page')).toBe('1');
    requests[0].flush(EMPTY);
  });

  it('cancels the request of a query the user has left', async () => {
    const { harness, http, router } = await openList('/dossiers?q=mar');
    await settle(harness);
    const [stale] = listRequests(http);
    await router.navigateByUrl('/dossiers?q=martin');
    await settle(harness);
    expect(stale.cancelled).toBe(true);
    const [current] = listRequests(http);
    expect(current.request.params.get('q')).toBe('martin');
    current.flush(EMPTY);
  });
});
