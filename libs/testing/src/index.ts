export * from './postgres/test-database';
export * from './postgres/postgres-process';
export * from './s3/test-bucket';
export * from './oidc/test-oidc';
