export * from './errors';
export * from './wards';
export * from './auth';
export * from './users';
export * from './system';
