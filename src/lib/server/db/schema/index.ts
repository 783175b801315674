export * from './organisation';
export * from './user';
export * from './child';
export * from './assignment';
export * from './session';
export * from './access-log';
export * from './entry';
export * from './space';
