const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  sourceMaps: 'inline',
};

export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/../../libs/testing/src/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/../../libs/testing/src/postgres/global-teardown.mjs',
  testTimeout: 30000,
};
