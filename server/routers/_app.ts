// The root router: every procedure the app and other programs can call (docs/api.md).
import { createCallerFactory, createTRPCRouter, mergeRouters } from '../trpc';
import { actionRouter } from './action';
import { allocationRouter } from './allocation';
import { commentRouter } from './comment';
import { decisionRouter } from './decision';
import { deliveryRouter } from './delivery';
import { forecastRouter } from './forecast';
import { inboxRouter } from './inbox';
import { meetingRouter } from './meeting';
import { meetingSinceRouter } from './meetingSince';
import { peopleRouter } from './people';
import { itemMeetingsRouter } from './itemMeetings';
import { planRouter } from './plan';
import { portfolioRouter } from './portfolio';
import { insightsRouter } from './insights';
import { projectRouter } from './project';
import { projectResourcesRouter } from './projectResources';
import { raidRouter } from './raid';
import { resourcesRouter } from './resources';
import { scenarioRouter } from './scenario';
import { searchRouter } from './search';
import { staffingRouter } from './staffing';
import { standardsRouter } from './standards';
import { statusRouter } from './status';
import { techRouter } from './tech';
import { workspaceRouter } from './workspace';

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  project: projectRouter,
  raid: raidRouter,
  status: statusRouter,
  plan: planRouter,
  meeting: meetingRouter,
  action: actionRouter,
  decision: decisionRouter,
  meetingSince: meetingSinceRouter,
  itemMeetings: itemMeetingsRouter,
  people: peopleRouter,
  allocation: allocationRouter,
  // The workspace's resources and one project's view of them (forPlan, problems) in one namespace.
  resources: mergeRouters(resourcesRouter, projectResourcesRouter),
  staffing: staffingRouter,
  scenario: scenarioRouter,
  standards: standardsRouter,
  tech: techRouter,
  portfolio: portfolioRouter,
  insights: insightsRouter,
  delivery: deliveryRouter,
  forecast: forecastRouter,
  comment: commentRouter,
  inbox: inboxRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
