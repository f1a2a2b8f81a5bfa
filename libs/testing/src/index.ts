export * from './postgres/test-database';
export * from './s3/test-bucket';
