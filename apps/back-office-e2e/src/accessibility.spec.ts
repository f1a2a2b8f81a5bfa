import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { ApplicantFileView, Role } from '@passerelle/shared/domain';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/accounts';
import { createReferral, organizationNamed } from './support/casework-api';
import { suspectFlag, uploadDocument } from './support/casework-setup';
import { expect, test } from './support/fixtures';
import { apiToken, communes, completeFile, createFile, uniqueWord } from './support/files-api';
import { expectAccessible, sideNavigation, signIn } from './support/pages';
import { registeredFile } from './support/shared-files';

/**
 * RGAA (WCAG 2.1 AA) over the whole back office: every screen each role reaches, every dialog it may
 * open on a file, with axe; then one task done with the keyboard alone.
 */

// Steady states only: no half-faded dialog or panel under axe's contrast check.
test.use({ contextOptions: { reducedMotion: 'reduce' } });

/** Screens reached from a navigation page by a link in its content (not in the side navigation). */
const SUB_SCREENS: readonly RegExp[] = [
  /^\/dossiers\/nouveau$/,
  /^\/pilotage\/rapport$/,
  /^\/agenda\/reserver$/,
  /^\/orientations\/recues\/[^/]+\/refus$/,
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface SweepFiles {
  /** Registered by Mourenx: shared with the landlords; a suspected flag, a document, a referral. */
  readonly registered: string;
  /** Still a contact (`CONTACT`): the registration dialog is offered on it. */
  readonly contact: string;
  /** Created by each relay clerk: the only files they open. */
  readonly relay: Readonly<Record<string, string>>;
}

let sweepFiles: Promise<SweepFiles> | undefined;

/** Made once for the whole file, through the API, as colleagues in other offices would have. */
function filesForSweep(request: APIRequestContext): Promise<SweepFiles> {
  sweepFiles ??= (async () => {
    const agent = await apiToken(request, 'mourenx.agent');
    const [commune] = await communes(request, agent);
    const registered = await registeredFile(request, uniqueWord('Balayage'), 'Inès');
    await suspectFlag(request, agent, registered.id, 'WITHOUT_HOUSING', 'Hébergée chez sa sœur.');
    await uploadDocument(request, agent, registered.id, {
      type: 'IDENTITY',
      personId: 'APPLICANT',
      fileName: 'identite.pdf',
    });
    // A referral received by the CCAS d'Orthez: its decline screen is swept too.
    const ccas = await organizationNamed(request, agent, 'CCAS');
    await createReferral(request, agent, {
      applicantFileId: registered.id,
      toOrganizationId: ccas.id,
      reason: 'Accompagnement social pour la demande de logement.',
    });
    const contact = await createFile(
      request,
      agent,
      completeFile(uniqueWord('Contact'), 'Maïa', commune.inseeCode),
    );
    const relay: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS.filter((candidate) => candidate.role === 'RELAY_CLERK')) {
      const token = await apiToken(request, account.username);
      const own = await createFile(request, token, {
        applicant: { lastName: uniqueWord('Relais'), firstNames: 'Léa', birthDate: '1990-03-04' },
      });
      await suspectFlag(request, token, own.id, 'WITHOUT_HOUSING');
      relay[account.username] = own.id;
    }
    return { registered: registered.id, contact: contact.id, relay };
  })();
  return sweepFiles;
}

/** The files a role opens in the sweep: those in its scope (ACCESS.md). */
function filesOf(files: SweepFiles, username: string, role: Role): [string, string][] {
  switch (role) {
    case 'RELAY_CLERK':
      return [['own contact', files.relay[username]]];
    case 'LANDLORD_OFFICER':
      return [['registered', files.registered]];
    default:
      return [
        ['registered', files.registered],
        ['contact', files.contact],
      ];
  }
}

/** Nothing is loading any more in the page or in a dialog. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('mat-progress-bar, mat-progress-spinner, mat-spinner')).toHaveCount(0);
}

/**
 * Opens every closed expansion panel of the page, waiting for what each one loads.
 * Each header is waited on until it says it is open: counting the closed ones right
 * after a click could still see the one just clicked, then wait for it forever.
 */
async function openAllPanels(page: Page): Promise<void> {
  const headers = page.locator('mat-expansion-panel-header');
  for (let index = 0; index < (await headers.count()); index++) {
    const header = headers.nth(index);
    if ((await header.getAttribute('aria-expanded')) !== 'false') continue;
    await header.click();
    await expect(header).toHaveAttribute('aria-expanded', 'true');
  }
  await settle(page);
}

/** Where the file page offers to go: its dialogs, each with its own URL. */
async function dialogLinks(page: Page, fileId: string): Promise<string[]> {
  const hrefs = await page
    .getByRole('main')
    .locator(`a[href^="/dossiers/${fileId}/"]`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const byPath = new Map<string, string>();
  for (const href of hrefs) {
    const path = href.split('?')[0];
    if (!byPath.has(path)) byPath.set(path, href);
  }
  return [...byPath.values()];
}

function pattern(path: string): string {
  return path.split('?')[0].replace(UUID, ':id');
}

class Sweep {
  readonly visited: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly testInfo: TestInfo,
    private readonly prefix: string,
  ) {}

  async check(name: string): Promise<void> {
    await settle(this.page);
    this.visited.push(name);
    await expectAccessible(this.page, this.testInfo, `${this.prefix}${name}`);
  }
}

/** A file with every panel open, then each dialog the role may open on it. */
async function sweepFile(
  page: Page,
  sweep: Sweep,
  fileId: string,
  seen: Set<string>,
  which: string,
): Promise<void> {
  const fileUrl = `/dossiers/${fileId}`;
  await page.goto(fileUrl);
  await expect(page.locator('mat-accordion')).toBeVisible();
  await openAllPanels(page);
  await sweep.check(`${pattern(fileUrl)} (${which})`);

  for (const href of await dialogLinks(page, fileId)) {
    const name = pattern(href);
    if (seen.has(name)) continue;
    seen.add(name);
    await page.locator(`main a[href="${href}"]`).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === href.split('?')[0]);
    await sweep.check(name);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL((url) => url.pathname === fileUrl);
  }
}

test.describe('accessibility sweep (axe: zero serious or critical violation)', () => {
  test('the sign-in and activation pages', async ({ page }, testInfo) => {
    const sweep = new Sweep(page, testInfo, 'public ');
    await page.goto('/connexion');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await sweep.check('/connexion');
    // Its error state: both fields required, then a wrong password.
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await sweep.check('/connexion (required fields)');
    await page.getByLabel('Identifiant').fill('mourenx.agent');
    await page.getByLabel('Mot de passe').fill('pas-le-bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await sweep.check('/connexion (wrong password)');

    await page.goto('/activation');
    await expect(page.getByRole('heading', { level: 1, name: 'Activation du compte' })).toBeVisible();
    await sweep.check('/activation');
    testInfo.annotations.push({ type: 'swept', description: sweep.visited.join(' | ') });
  });

  for (const account of DEMO_ACCOUNTS) {
    test(`every screen of ${account.username} (${account.role})`, async ({ page, request }, testInfo) => {
      test.setTimeout(240_000);
      const files = await filesForSweep(request);
      const sweep = new Sweep(page, testInfo, `${account.username} `);
      await signIn(page, account.username, DEMO_PASSWORD);

      // The side navigation, each entry in turn, and the screens its pages lead to.
      const navigation = sideNavigation(page);
      const entries = await navigation
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(entries.length).toBeGreaterThan(0);
      const subScreens = new Set<string>();
      for (const entry of entries) {
        await navigation.locator(`a[href="${entry}"]`).click();
        await expect(page).toHaveURL((url) => url.pathname === entry || url.pathname.startsWith(`${entry}/`));
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await sweep.check(entry);

        const links = await page
          .getByRole('main')
          .getByRole('link')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
        for (const href of links) {
          const path = href.split('?')[0];
          if (!SUB_SCREENS.some((screen) => screen.test(path)) || subScreens.has(pattern(path))) continue;
          subScreens.add(pattern(path));
          await page.locator(`main a[href="${href}"]`).first().click();
          await expect(page).toHaveURL((url) => url.pathname === path);
          const dialog = page.getByRole('dialog');
          if (await dialog.isVisible()) {
            await sweep.check(pattern(path));
            await page.keyboard.press('Escape');
            await expect(dialog).toBeHidden();
          } else {
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
            await sweep.check(pattern(path));
          }
        }
      }

      // The files of its scope, every panel open, and each dialog it may open on them.
      const seen = new Set<string>();
      for (const [which, fileId] of filesOf(files, account.username, account.role)) {
        await sweepFile(page, sweep, fileId, seen, which);
      }

      await page.goto('/cette-page-n-existe-pas');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(/Page introuvable/);
      await sweep.check('Page introuvable');

      testInfo.annotations.push({
        type: 'swept',
        description: `${sweep.visited.length} pages: ${sweep.visited.join(' | ')}`,
      });
    });
  }
});

/** What shows where the focus is: an outline, a shadow, Material's focus indicator, a focused field. */
async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'no focus';
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      (style.boxShadow !== '' && style.boxShadow !== 'none');
    const bordered = (style: CSSStyleDeclaration) =>
      style.display !== 'none' &&
      style.content !== 'none' &&
      style.borderStyle !== 'none' &&
      parseFloat(style.borderWidth) > 0;
    if (drawn(getComputedStyle(element))) return 'outline';
    const indicators = [element, ...Array.from(element.children)].filter((candidate) =>
      candidate.classList.contains('mat-focus-indicator'),
    );
    if (indicators.some((indicator) => bordered(getComputedStyle(indicator, '::before')))) {
      return 'focus indicator';
    }
    const field = element.closest('.mat-mdc-form-field');
    if (field?.classList.contains('mat-focused')) {
      const ripple = field.querySelector('.mdc-line-ripple--active, .mdc-notched-outline--notched');
      const outline = field.querySelector('.mdc-notched-outline__leading');
      if (ripple || (outline && parseFloat(getComputedStyle(outline).borderTopWidth) >= 2)) return 'field';
    }
    return `none on <${element.tagName.toLowerCase()}> ${element.textContent?.trim().slice(0, 40) ?? ''}`;
  });
}

/** Tab (or Shift+Tab) until the focused element answers `wanted`: the keyboard user's way. */
async function tabTo(
  page: Page,
  wanted: (focused: { tag: string; name: string; label: string }) => boolean,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const max = options.max ?? 80;
  for (let step = 0; step < max; step++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const input = element as HTMLInputElement | null;
      const label = input?.labels?.[0]?.textContent?.trim() ?? '';
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        label: label.replace(/\s*\*$/, ''),
      };
    });
    if (wanted(focused)) return;
  }
  throw new Error(`focus never reached the element after ${max} ${options.backwards ? 'Shift+Tab' : 'Tab'}`);
}

async function expectFocusVisible(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  const indicator = await focusIndicator(page);
  testInfo.annotations.push({ type: 'focus', description: `${step}: ${indicator}` });
  expect(indicator, `focus visible: ${step}`).not.toMatch(/^(none|no focus)/);
}

test.describe('keyboard only', () => {
  test('an info-point agent edits the contact of a file without the mouse', async ({
    page,
    request,
  }, testInfo) => {
    const token = await apiToken(request, 'mourenx.agent');
    const [commune] = await communes(request, token);
    const lastName = uniqueWord('Clavier');
    const file = await createFile(request, token, completeFile(lastName, 'Anaïs', commune.inseeCode));

    // Sign in: Tab to the fields, type, Enter submits.
    await page.goto('/connexion');
    await tabTo(page, (focused) => focused.label === 'Identifiant');
    await expectFocusVisible(page, testInfo, 'username field');
    await page.keyboard.type('mourenx.agent');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');

    // The skip link is seen, and takes the focus to the content.
    await tabTo(page, (focused) => focused.tag === 'a' && focused.name === 'Aller au contenu');
    await expectFocusVisible(page, testInfo, 'skip link');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    // « Dossiers » in the side navigation, before the content: Shift+Tab.
    await tabTo(page, (focused) => focused.tag === 'a' && focused.name === 'Dossiers', { backwards: true });
    await expectFocusVisible(page, testInfo, 'side navigation');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible();

    // Search the name, then Tab to the file in the results.
    await tabTo(page, (focused) => focused.label === 'Rechercher un demandeur');
    await expectFocusVisible(page, testInfo, 'search field');
    await page.keyboard.type(lastName);
    const result = page.getByRole('link', { name: new RegExp(lastName, 'i') });
    await expect(result).toBeVisible();
    await expect(page.getByRole('main').locator('a.file-link')).toHaveCount(1);
    await tabTo(page, (focused) => focused.tag === 'a' && new RegExp(lastName, 'i').test(focused.name));
    await expectFocusVisible(page, testInfo, 'file link in the results');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));

    // « Modifier l'identité et le contact »: Escape closes it and gives the focus back, Enter reopens.
    const edit = "Modifier l'identité et le contact";
    await tabTo(page, (focused) => focused.name === edit);
    await expectFocusVisible(page, testInfo, 'edit link');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}$`));
    await expect(page.getByRole('link', { name: edit })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();

    // Change the phone number.
    const phone = '05 59 71 00 42';
    await tabTo(page, (focused) => focused.label === 'Téléphone');
    await expectFocusVisible(page, testInfo, 'phone field');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(phone);
    // Back to « Enregistrer » with Shift+Tab: the focus stays trapped in the dialog.
    await tabTo(page, (focused) => focused.tag === 'button' && focused.name === 'Enregistrer', {
      backwards: true,
    });
    await expectFocusVisible(page, testInfo, 'save button');
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/applicant-files/${file.id}`) && response.request().method() === 'PATCH',
    );
    await page.keyboard.press('Space');
    expect((await saved).ok(), 'the change is saved').toBe(true);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main')).toContainText(phone);

    const read = await request.get(`/api/applicant-files/${file.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await read.json()) as ApplicantFileView).contact?.phone).toBe(phone);
    await expectAccessible(page, testInfo, 'keyboard-after-save');

    // Every stop of the file page, up to its end, panels included, shows where the focus is.
    const unseen: string[] = [];
    let stops = 0;
    for (; stops < 60; stops++) {
      await page.keyboard.press('Tab');
      const indicator = await focusIndicator(page);
      if (indicator === 'no focus') break;
      if (indicator.startsWith('none')) unseen.push(indicator);
    }
    expect(stops, 'focus stops after the edit link').toBeGreaterThan(5);
    expect(unseen, 'focus visible on each stop of the file page').toEqual([]);
  });
});
