import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { LoginResponse } from '@passerelle/shared/domain';

/** A named, full-page screenshot kept with the test's artifacts. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Zero serious or critical WCAG 2.1 A/AA violations (RGAA follows WCAG 2.1 AA). */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Contrast is judged on what people read: not halfway through a dialog's or a field's fade-in.
  // (Endless ones, such as a progress bar's, are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking, `axe on ${name}`).toEqual([]);
}

export function loginForm(page: Page) {
  return {
    username: page.getByLabel('Identifiant'),
    password: page.getByLabel('Mot de passe'),
    submit: page.getByRole('button', { name: 'Se connecter' }),
  };
}

/** Signs in through the form; answers what the API said about the user. */
export async function signIn(page: Page, username: string, password: string): Promise<LoginResponse> {
  if (!page.url().includes('/connexion')) await page.goto('/connexion');
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/login')),
    form.submit.click(),
  ]);
  expect(response.status(), `sign-in of ${username}`).toBe(200);
  const body = (await response.json()) as LoginResponse;
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Connexion');
  return body;
}

export function sideNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Menu principal' });
}
