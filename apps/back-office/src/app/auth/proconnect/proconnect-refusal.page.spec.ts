import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PROCONNECT_REFUSAL_LABELS, PROCONNECT_REFUSALS } from '@passerelle/shared/domain';
import { ProConnectRefusalPage } from './proconnect-refusal.page';

async function openRefusal(url: string): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [{ path: 'connexion/proconnect', component: ProConnectRefusalPage }],
        withComponentInputBinding(),
      ),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  return harness.routeNativeElement as HTMLElement;
}

describe('ProConnectRefusalPage', () => {
  it.each(PROCONNECT_REFUSALS)('says in French why (%s), and leads back to the login page', async (motif) => {
    const page = await openRefusal(`/connexion/proconnect?motif=${motif}`);
    const { title, text } = PROCONNECT_REFUSAL_LABELS[motif];
    expect(page.querySelector('h1')?.textContent?.trim()).toBe(title);
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(text);
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/connexion');
    expect(page.querySelector('a')?.textContent?.trim()).toBe('Retour à la page de connexion');
  });

  it('tells an unknown agent that the account is not open, and whom to ask', async () => {
    const page = await openRefusal('/connexion/proconnect?motif=UNKNOWN_ACCOUNT');
    expect(page.querySelector('h1')?.textContent).toContain('n’est pas encore ouvert');
    expect(page.textContent).toContain('coordination de la Communauté de communes de Lacq-Orthez');
  });

  it('tells a sign-in that expired or was used already to start again', async () => {
    const page = await openRefusal('/connexion/proconnect?motif=EXPIRED');
    expect(page.textContent).toContain('La connexion a expiré ou a déjà été utilisée : recommencez');
  });

  it.each(['', 'motif=', 'motif=%3Cscript%3E', 'motif=toString'])(
    'reads anything else (%s) as a sign-in that did not come to an end',
    async (query) => {
      const page = await openRefusal(`/connexion/proconnect?${query}`);
      expect(page.querySelector('h1')?.textContent?.trim()).toBe(PROCONNECT_REFUSAL_LABELS.FAILED.title);
      expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
        PROCONNECT_REFUSAL_LABELS.FAILED.text,
      );
    },
  );
});
