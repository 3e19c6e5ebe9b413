// The root router: every procedure the app and other programs can call (docs/api.md).
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { projectRouter } from './project';
import { raidRouter } from './raid';
import { workspaceRouter } from './workspace';

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  project: projectRouter,
  raid: raidRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
