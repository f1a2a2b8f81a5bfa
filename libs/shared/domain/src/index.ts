export * from './lib/codes';
export * from './lib/labels';
export * from './lib/permissions';
export * from './lib/dates';
export * from './lib/rules';
export * from './lib/api/common';
export * from './lib/api/auth';
export * from './lib/api/reference';
