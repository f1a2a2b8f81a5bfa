export * from './cotation-codes';
export * from './cotation-labels';
export * from './score';
export * from './check';
export * from './example-grid';
