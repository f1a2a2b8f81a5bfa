import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { refuse, settle, signIn, text } from '../../testing/casework';
import { aUser } from '../../testing/users';
import { availabilityInterceptor } from '../ui/availability';
import { ShellComponent } from './shell.component';

async function openShell() {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([availabilityInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  await signIn(aUser('INFO_POINT_AGENT'));
  const fixture = TestBed.createComponent(ShellComponent);
  await settle();
  return {
    shell: fixture.nativeElement as HTMLElement,
    http: TestBed.inject(HttpTestingController),
    client: TestBed.inject(HttpClient),
  };
}

describe('ShellComponent', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says above every page that Passerelle is momentarily unavailable after a 503, until a call succeeds', async () => {
    const { shell, http, client } = await openShell();
    expect(text(shell.querySelector('main [role="alert"]'))).toBe('');

    const refused = firstValueFrom(client.get('/api/referrals')).catch(() => 'refused');
    refuse(http.expectOne('/api/referrals'), 503);
    await refused;
    await settle();
    expect(text(shell.querySelector('main [role="alert"]'))).toBe(
      'Passerelle est momentanément indisponible. Réessayez dans quelques instants.',
    );

    const served = firstValueFrom(client.get('/api/referrals'));
    http.expectOne('/api/referrals').flush([]);
    await served;
    await settle();
    expect(text(shell.querySelector('main [role="alert"]'))).toBe('');
  });
});
