import type { Page } from '@playwright/test';

/** Picks an option of a Material select from the keyboard, as a keyboard user would. */
export async function choose(
  page: Page,
  select: string,
  option: string | RegExp,
  multiple = false,
): Promise<void> {
  const combobox = page.getByRole('combobox', { name: select });
  await combobox.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  if (multiple) await page.keyboard.press('Escape');
}
