export * from './postgres/test-database';
export * from './postgres/postgres-process';
