// Barrel of every table, so the client, drizzle-kit and better-auth see one schema.
export * from './auth';
export * from './workspace';
export * from './project';
export * from './board';
export * from './raid';
export * from './status';
export * from './plan';
export * from './meeting';
export * from './resources';
export * from './tech';
export * from './standards';
export * from './delivery';
export * from './conversation';
