import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// One Jest run for the whole workspace: every project's jest.config.ts is a project here.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  maxWorkers: 2,
  // testTimeout is a global option (ignored in project configs): integration tests start an app.
  testTimeout: 60_000,
});
