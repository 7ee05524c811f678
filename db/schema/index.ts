export * from './users';
export * from './issues';
export * from './entities';
export * from './articles';
export * from './audit';
export * from './media';
export * from './workflow';
export * from './mail';
