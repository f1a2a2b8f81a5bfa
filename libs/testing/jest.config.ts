export default {
  displayName: 'testing',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/src/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/src/postgres/global-teardown.mjs',
  testTimeout: 30000,
};
