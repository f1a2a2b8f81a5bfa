import AxeBuilder from '@axe-core/playwright';
import { type ConsoleMessage, expect, type Page, type TestInfo } from '@playwright/test';
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

const loginRoutes = new WeakMap<Page, { status: number; body: unknown }[]>();

/**
 * The page's sign-in answers, in order. They pass through the test on their way to the page: API
 * answers are `no-store`, and Chromium may drop the body of such an answer before the test asks
 * for it. The route stays for the page's life: removing it while the page loads the next screen's
 * scripts (they pass through the interception too) left one of them hanging on a loaded machine,
 * and the page on « Connexion en cours… ».
 */
async function loginAnswers(page: Page): Promise<{ status: number; body: unknown }[]> {
  let answers = loginRoutes.get(page);
  if (answers) return answers;
  const list: { status: number; body: unknown }[] = [];
  answers = list;
  loginRoutes.set(page, list);
  await page.route('**/api/auth/login', async (route) => {
    const response = await route.fetch();
    const body: unknown = await response.json();
    await route.fulfill({ response });
    list.push({ status: response.status(), body });
  });
  return answers;
}

/** Signs in through the form; answers what the API said about the user. */
export async function signIn(page: Page, username: string, password: string): Promise<LoginResponse> {
  const problems: string[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  };
  const onError = (error: Error): void => void problems.push(`${error.name}: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  if (!page.url().includes('/connexion')) await page.goto('/connexion');
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  const answers = await loginAnswers(page);
  const before = answers.length;
  await form.submit.click();
  await expect.poll(() => answers[before]?.status, { message: `sign-in of ${username}` }).toBe(200);
  const answer = answers[before];
  try {
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Connexion');
  } catch (error) {
    // Still on the login page after a 200: say where the page is and what it shows, for the report.
    const alerts = await page.getByRole('alert').allInnerTexts();
    const status = await page.getByRole('status').allInnerTexts();
    throw new Error(
      `${username} signed in (200) but the page stays at ${page.url()}; alerts: ${JSON.stringify(alerts)}; status: ${JSON.stringify(status)}; console: ${JSON.stringify(problems)}`,
      { cause: error },
    );
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
  return answer?.body as LoginResponse;
}

export function sideNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Menu principal' });
}
