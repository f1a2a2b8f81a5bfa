import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage, statusMessage, UNAVAILABLE_MESSAGE } from './api-error';
import { Availability, availabilityInterceptor } from './availability';

const UNAVAILABLE = { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '5' } };
const UNAVAILABLE_BODY = { statusCode: 503, error: 'Service Unavailable', message: 'try again' };

function setUp() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(withInterceptors([availabilityInterceptor])), provideHttpClientTesting()],
  });
  return {
    http: TestBed.inject(HttpTestingController),
    client: TestBed.inject(HttpClient),
    availability: TestBed.inject(Availability),
  };
}

describe('Availability', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('is unavailable after an API call answered 503, until one succeeds again', async () => {
    const { http, client, availability } = setUp();
    expect(availability.unavailable()).toBe(false);

    const refused = firstValueFrom(client.get('/api/applicant-files')).catch(() => 'refused');
    http.expectOne('/api/applicant-files').flush(UNAVAILABLE_BODY, UNAVAILABLE);
    expect(await refused).toBe('refused');
    expect(availability.unavailable()).toBe(true);

    // A refusal that is not about availability changes nothing; a success clears it.
    const forbidden = firstValueFrom(client.get('/api/audit')).catch(() => 'refused');
    http.expectOne('/api/audit').flush({}, { status: 403, statusText: 'Forbidden' });
    await forbidden;
    expect(availability.unavailable()).toBe(true);
    const served = firstValueFrom(client.get('/api/applicant-files'));
    http.expectOne('/api/applicant-files').flush({ items: [] });
    await served;
    expect(availability.unavailable()).toBe(false);
  });

  it('leaves other servers’ answers and other failures aside', async () => {
    const { http, client, availability } = setUp();
    const elsewhere = firstValueFrom(client.get('https://tiles.example.org/map.json')).catch(() => 'x');
    http.expectOne('https://tiles.example.org/map.json').flush({}, UNAVAILABLE);
    await elsewhere;
    const broken = firstValueFrom(client.get('/api/communes')).catch(() => 'x');
    http.expectOne('/api/communes').flush({}, { status: 500, statusText: 'Internal Server Error' });
    await broken;
    expect(availability.unavailable()).toBe(false);
  });
});

describe('a 503 in French', () => {
  it('says Passerelle is momentarily unavailable, and to try again in a moment', () => {
    expect(UNAVAILABLE_MESSAGE).toBe(
      'Passerelle est momentanément indisponible. Réessayez dans quelques instants.',
    );
    expect(statusMessage(503)).toBe(UNAVAILABLE_MESSAGE);
    expect(apiErrorMessage(new HttpErrorResponse({ status: 503 }), 'La création du compte')).toBe(
      'La création du compte a échoué : Passerelle est momentanément indisponible. Réessayez dans quelques instants.',
    );
  });
});
