// The root router: every procedure the app and other programs can call (docs/api.md).
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { itemMeetingsRouter } from './itemMeetings';
import { planRouter } from './plan';
import { projectRouter } from './project';
import { raidRouter } from './raid';
import { statusRouter } from './status';
import { workspaceRouter } from './workspace';

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  project: projectRouter,
  raid: raidRouter,
  status: statusRouter,
  plan: planRouter,
  itemMeetings: itemMeetingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
