import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The tests run the code as the build compiles it: one .swcrc for both (webpack.config.js).
const swc = {
  ...(JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8')) as object),
  swcrc: false,
  sourceMaps: 'inline',
};

export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  // openid-client and what it imports are ES modules only: Node 20.19+ requires them as they are,
  // Jest's own module loader does not, so it compiles them like the API's code.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/../../libs/testing/src/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/../../libs/testing/src/postgres/global-teardown.mjs',
  testTimeout: 30000,
};
