import { expect, type Page } from '@playwright/test';

/**
 * Picks an option of a Material select from the keyboard, as a keyboard user would. A select in a
 * dialog that is still opening may lose its panel to the dialog's own focus handling: like a person,
 * the test presses Enter again when no list opened.
 */
export async function choose(
  page: Page,
  select: string,
  option: string | RegExp,
  multiple = false,
): Promise<void> {
  const combobox = page.getByRole('combobox', { name: select });
  const wanted = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') {
      await combobox.focus();
      await page.keyboard.press('Enter');
    }
    await expect(wanted).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await wanted.click();
  if (multiple) await page.keyboard.press('Escape');
}
