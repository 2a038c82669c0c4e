export * from './errors';
export * from './roles';
export * from './phone';
export * from './entry';
export * from './api';
export * from './contracts/identity';
export * from './contracts/staff';
export * from './contracts/system';
