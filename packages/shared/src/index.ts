export * from './errors';
export * from './wards';
export * from './auth';
