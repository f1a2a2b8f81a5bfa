import { test as base, expect } from '@playwright/test';

/**
 * Every test fails on a script error or a console error in the page: a Content-Security-Policy
 * refusal, for one, shows only there. Failed HTTP calls the test provokes (a 401 on a wrong
 * password) are the browser's network log, not the application's errors.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          errors.push(`console: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
