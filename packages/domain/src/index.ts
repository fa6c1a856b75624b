export * from './roles';
export * from './permissions';
export * from './regions';
export * from './nik';
export * from './partners';
export * from './accounts';
export * from './lists';
export * from './contributions';
