import { createCjsPreset } from 'jest-preset-angular/presets';

const angularPreset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

export default {
  displayName: 'back-office',
  preset: '../../jest.preset.js',
  ...angularPreset,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/back-office',
};
