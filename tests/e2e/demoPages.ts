// Every page of the demo project, with what each must show of the seeded demo (db/seed.ts,
// db/seedDemoPlan.ts): the list the demo specs visit (tests/e2e/demo.spec.ts, and any spec that
// checks each page, e.g. for accessibility). A new page under app/ needs an entry here, or a reason
// in `notDemoRoutes`; demo.spec.ts fails otherwise.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoPassword, demoStatusSlug, demoUsers } from '@/db/seed';
import type { PublicKind } from '@/server/status/publicSite';

export const demoProjectName = 'Atlas platform migration';
export const demoOwner = { ...demoUsers.owner, password: demoPassword };

export interface Demo {
  projectId: string;
  /** The demo project's workspace (its people and standards pages). */
  workspaceId: string;
  /** The first meeting listed on the demo project's meetings page (the seed's series), if any. */
  meetingId: string | null;
  statusSlug: string;
  /** The demo owner's signed-in state, for `browser.newContext({ storageState })`. */
  session: Awaited<ReturnType<BrowserContext['storageState']>>;
}

export interface DemoPage {
  /** What the page is, as a person would name it. */
  name: string;
  /** The app route it visits (app/ folders as Next names them), or the public status page it is. */
  route: string;
  /** Which of the public status site's answers it is (server/status/publicSite.ts), when it is one. */
  publicKind?: PublicKind;
  /** Needs the demo owner's session (the public status site is read signed out). */
  signedIn: boolean;
  path: (demo: Demo) => string;
  /** The URL it ends on, when it redirects. */
  landsOn?: (demo: Demo) => RegExp;
  /** Waits until the page shows seeded demo content. */
  shows: (page: Page) => Promise<void>;
}

/** Files the demo serves (calendars, feed, badge): fetched, not rendered. */
export interface DemoFile {
  name: string;
  route: string;
  publicKind?: PublicKind;
  signedIn: boolean;
  path: (demo: Demo) => string;
  contentType: RegExp;
  /** Texts of the seeded demo the body must contain. */
  contains: string[];
}

const text = (page: Page, value: string) => expect(page.getByText(value, { exact: true }).first()).toBeVisible();
/** An item on the plan's roadmap (its title opens it). */
const planItem = (page: Page, title: string) => expect(page.getByRole('button', { name: title, exact: true })).toBeVisible();
/** A live board: connected and synced, so what it shows came through the collaboration server. */
const liveBoardSaved = (page: Page) => expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });

export const demoPages: DemoPage[] = [
  {
    name: 'Home, signed in',
    route: '/',
    signedIn: true,
    path: () => '/',
    landsOn: () => /\/projects$/,
    shows: (page) => expect(page.getByRole('link', { name: demoProjectName })).toBeVisible(),
  },
  {
    name: 'Project list',
    route: '/projects',
    signedIn: true,
    path: () => '/projects',
    shows: (page) => expect(page.getByRole('link', { name: demoProjectName })).toBeVisible(),
  },
  {
    name: "Project's own address",
    route: '/p/[projectId]',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}`,
    landsOn: (demo) => new RegExp(`/p/${demo.projectId}/plan$`),
    shows: async (page) => {
      await liveBoardSaved(page);
      await planItem(page, 'Cut-over weekend');
    },
  },
  {
    name: 'Plan',
    route: '/p/[projectId]/plan',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/plan`,
    shows: async (page) => {
      await liveBoardSaved(page);
      await expect(page.getByRole('heading', { name: demoProjectName })).toBeVisible();
      await planItem(page, 'Rehearsal on a production-size copy');
      await planItem(page, 'Tenant data migration tooling');
      // db/seedDemoStandards.ts: the rehearsal's load test failed.
      await expect(page.getByRole('region', { name: 'Technical standards' }).getByTestId('milestone-readiness').filter({ hasText: 'Rehearsal on a production-size copy' })).toContainText('Standards 3/4, 1 failed');
    },
  },
  {
    name: 'Risk board',
    route: '/p/[projectId]/risks',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/risks`,
    shows: async (page) => {
      await liveBoardSaved(page);
      await expect(page.getByRole('button', { name: 'Payment provider API v2 sunset before cut-over', exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Staging cluster out of capacity; load tests blocked', exact: true })).toBeVisible();
    },
  },
  {
    name: 'Status updates',
    route: '/p/[projectId]/updates',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/updates`,
    shows: async (page) => {
      await text(page, 'Rehearsal waits for a production-size copy');
      await expect(page.getByText('The first rehearsal moved 10% of tenants in 38 minutes.')).toBeVisible();
    },
  },
  {
    name: 'Meetings',
    route: '/p/[projectId]/meetings',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/meetings`,
    shows: async (page) => {
      await expect(page.getByRole('heading', { name: 'Weekly sync' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Steering committee' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Atlas weekly sync/ })).toHaveCount(3);
    },
  },
  {
    name: 'Meeting board',
    route: '/p/[projectId]/meetings/[meetingId]',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/meetings/${demo.meetingId ?? 'no-meeting-seeded'}`,
    shows: async (page) => {
      await liveBoardSaved(page);
      // The first listed meeting is next week's sync, with the open actions carried into its agenda.
      await expect(page.getByRole('listitem', { name: /^Item 1: Open actions/ })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Carried open actions' }).getByRole('listitem').first()).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Meeting notes' })).toBeVisible();
    },
  },
  {
    name: 'Action list',
    route: '/p/[projectId]/actions',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/actions`,
    shows: async (page) => {
      await page.getByRole('button', { name: /^All/ }).click();
      await expect(page.getByTestId('action-row').first()).toBeVisible();
      await expect(page.getByText('Overdue', { exact: true }).first()).toBeVisible();
    },
  },
  {
    name: 'Decision log',
    route: '/p/[projectId]/decisions',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/decisions`,
    shows: (page) => text(page, 'Hold the cut-over weekend; all payments move to API v3 before it.'),
  },
  {
    name: 'My actions',
    route: '/actions',
    signedIn: true,
    path: () => '/actions',
    shows: async (page) => {
      await expect(page.getByRole('heading', { name: 'My actions' })).toBeVisible();
      await page.getByRole('button', { name: /^All/ }).click();
      await expect(page.getByTestId('action-row').first()).toBeVisible();
    },
  },
  {
    name: 'People (from the top bar)',
    route: '/people',
    signedIn: true,
    path: () => '/people',
    // The owner's one workspace with projects: the demo's.
    landsOn: () => /\/w\/[0-9a-f-]{36}\/people$/,
    shows: (page) => expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible(),
  },
  {
    name: 'People of the demo workspace',
    route: '/w/[workspaceId]/people',
    signedIn: true,
    path: (demo) => `/people?project=${demo.projectId}`,
    landsOn: () => /\/w\/[0-9a-f-]{36}\/people$/,
    shows: async (page) => {
      await expect(page.getByTestId('grid-live')).toHaveText('Live', { timeout: 20_000 });
      // db/seedDemoPeople.ts: Mei is lent to the search team this week, 48 of 40 hours.
      await expect(page.locator('[data-testid="person-row"][data-person="Mei Lin"] td').first()).toHaveAttribute('data-band', 'over');
      await expect(page.locator('[data-testid="person-row"][data-person="Backend engineer #2"]')).toContainText('Placeholder');
      await expect(page.getByRole('listitem', { name: 'Jonas Weber' })).toContainText('32 h/wk');
    },
  },
  {
    name: 'Technology',
    route: '/p/[projectId]/tech',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/tech`,
    shows: async (page) => {
      // db/seedDemoTech.ts: PostgreSQL 12 is past its end of life, Moment.js moved to hold since the review.
      await expect(page.getByTestId('tech-alert').filter({ hasText: 'PostgreSQL 12.19 reached its end of life' })).toBeVisible();
      await expect(page.getByTestId('blip-row').filter({ hasText: 'moment' })).toContainText('Moved since review');
    },
  },
  {
    name: 'Insights',
    route: '/p/[projectId]/insights',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/insights`,
    shows: async (page) => {
      // db/seed.ts: weeks of published updates, off track at their worst; scored risks; allocated people.
      await page.getByTestId('chart-status-health').getByRole('button', { name: 'Table' }).click();
      await expect(page.getByTestId('table-status-health')).toContainText('Off track');
      await expect(page.getByTestId('chart-risk-exposure').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
      await expect(page.getByTestId('chart-utilisation').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
    },
  },
  {
    name: 'Portfolio of the demo workspace',
    route: '/w/[workspaceId]',
    signedIn: true,
    path: (demo) => `/w/${demo.workspaceId}`,
    shows: async (page) => {
      await expect(page.getByTestId('portfolio-row').filter({ hasText: demoProjectName })).toBeVisible();
      await expect(page.getByTestId('portfolio-row').filter({ hasText: 'Search service relaunch' })).toBeVisible();
    },
  },
  {
    name: 'Radar (from the top bar)',
    route: '/radar',
    signedIn: true,
    path: () => '/radar',
    landsOn: () => /\/w\/[0-9a-f-]{36}\/radar$/,
    shows: (page) => expect(page.getByRole('heading', { name: 'Technology radar', level: 1 })).toBeVisible(),
  },
  {
    name: 'Radar of the demo workspace',
    route: '/w/[workspaceId]/radar',
    signedIn: true,
    path: (demo) => `/radar?project=${demo.projectId}`,
    landsOn: () => /\/w\/[0-9a-f-]{36}\/radar$/,
    shows: async (page) => {
      // Moment.js is on hold in Atlas (live) and still used by the search project.
      const moment = page.getByTestId('blip-row').filter({ hasText: 'moment' });
      await expect(moment).toContainText('On hold, used by a live project');
      await expect(moment.getByRole('link', { name: demoProjectName })).toBeVisible();
    },
  },
  {
    name: 'Technical standards of the demo workspace',
    route: '/w/[workspaceId]/standards',
    signedIn: true,
    path: (demo) => `/w/${demo.workspaceId}/standards`,
    shows: async (page) => {
      // db/seedDemoStandards.ts: the standard set, Launch readiness on the rehearsal and the cut-over.
      const launch = page.getByTestId('checklist').filter({ hasText: 'Launch readiness' });
      await expect(launch).toContainText('Applied to 2 milestones');
      await expect(launch.getByRole('listitem')).toHaveCount(4);
      await expect(page.getByTestId('checklist').filter({ hasText: 'Security and privacy' })).toContainText('Data protection review');
    },
  },
  {
    name: 'Members',
    route: '/p/[projectId]/members',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/members`,
    shows: async (page) => {
      for (const who of Object.values(demoUsers)) await expect(page.getByRole('listitem', { name: who.name })).toBeVisible();
    },
  },
  {
    name: 'Settings',
    route: '/p/[projectId]/settings',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/settings`,
    shows: async (page) => {
      await expect(page.getByLabel('Publish a public status page')).toBeChecked();
      await expect(page.getByLabel('Address')).toHaveValue(demoStatusSlug);
    },
  },
  {
    name: 'Public status page',
    route: '/status/[slug]',
    publicKind: 'page',
    signedIn: false,
    path: (demo) => `/status/${demo.statusSlug}`,
    shows: async (page) => {
      await expect(page.getByRole('heading', { name: demoProjectName })).toBeVisible();
      await text(page, 'Payment provider API v2 sunset before cut-over');
      await expect(page.getByText('The temporary node pool is live and the search load tests run on it.', { exact: false }).first()).toBeVisible();
      // Only what the owner marked public.
      await expect(page.getByText('Only one engineer knows the billing reconciliation job')).toHaveCount(0);
    },
  },
];

export const demoFiles: DemoFile[] = [
  {
    name: "Project's milestones calendar",
    route: '/p/[projectId]/milestones.ics',
    signedIn: true,
    path: (demo) => `/p/${demo.projectId}/milestones.ics`,
    contentType: /^text\/calendar/,
    contains: ['BEGIN:VCALENDAR', 'Cut-over weekend', 'All payments on API v3'],
  },
  {
    name: 'Public status feed',
    route: '/status/[slug]/feed.atom',
    publicKind: 'feed',
    signedIn: false,
    path: (demo) => `/status/${demo.statusSlug}/feed.atom`,
    contentType: /^application\/atom\+xml/,
    contains: ['<feed', 'Rehearsal waits for a production-size copy', 'Design signed off; rehearsal plan agreed'],
  },
  {
    name: 'Public milestones calendar',
    route: '/status/[slug]/milestones.ics',
    publicKind: 'ics',
    signedIn: false,
    path: (demo) => `/status/${demo.statusSlug}/milestones.ics`,
    contentType: /^text\/calendar/,
    contains: ['BEGIN:VCALENDAR', 'Cut-over weekend', 'Rehearsal on a production-size copy'],
  },
  {
    name: 'Public status badge',
    route: '/status/[slug]/badge.svg',
    publicKind: 'badge',
    signedIn: false,
    path: (demo) => `/status/${demo.statusSlug}/badge.svg`,
    contentType: /^image\/svg\+xml/,
    // The latest seeded update is "at risk".
    contains: ['<svg', 'at risk'],
  },
];

/** App routes that are not pages of the demo project, and why none of the demo specs visits them. */
export const notDemoRoutes: Record<string, string> = {
  '/sign-in': 'visited signed out by demo.spec.ts, which signs in through it',
  '/sign-up': 'makes a new account, not the demo (tests/e2e/accounts.spec.ts)',
  '/forgot-password': 'for people without a session (tests/e2e/accounts.spec.ts)',
  '/reset-password': 'needs a reset token (tests/e2e/accounts.spec.ts)',
  '/sign-out': 'ends the session the other visits share',
  '/invite/[token]': 'needs an invite token (tests/e2e/accounts.spec.ts)',
  '/api/auth/[...all]': 'the auth API, called by the sign-in page',
  '/api/trpc/[trpc]': 'the API every page above calls',
  // Until the demo seed has meetings (Demo then needs a meeting id): tested in tests/routers/meetingSince.test.ts.
  '/p/[projectId]/meetings/[meetingId]/minutes.md': 'needs a demo meeting id; the export is tested in tests/routers/meetingSince.test.ts',
};

/** Signs in as the demo owner through the auth API; the context carries the session. */
export async function demoOwnerContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const response = await context.request.post('/api/auth/sign-in/email', {
    data: { email: demoOwner.email, password: demoOwner.password },
    headers: { origin: baseURL },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return context;
}

/** The demo project's id and public page, read from the project list (ids are random per seed). */
export async function findDemo(page: Page): Promise<Omit<Demo, 'session'>> {
  await page.goto('/projects');
  const link = page.getByRole('link', { name: demoProjectName });
  const href = await link.getAttribute('href');
  const projectId = href?.match(/\/p\/([0-9a-f-]{36})/)?.[1];
  expect(projectId, `link of ${demoProjectName}: ${href}`).toBeTruthy();
  const answer = await page.request.get(`/api/trpc/project.get?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`);
  expect(answer.ok(), await answer.text()).toBe(true);
  const workspaceId = ((await answer.json()) as { result: { data: { json: { workspace: { id: string } } } } }).result.data.json.workspace.id;
  await page.goto(`/p/${projectId}/meetings`);
  const meeting = await page.locator('main a[href*="/meetings/"]').first().getAttribute('href', { timeout: 5_000 }).catch(() => null);
  return { projectId: projectId!, workspaceId, meetingId: meeting?.match(/\/meetings\/([0-9a-f-]{36})/)?.[1] ?? null, statusSlug: demoStatusSlug };
}

/**
 * Playwright's `test` with a worker fixture `demo`: the demo owner signs in once per worker (the demo
 * server keeps the README's default sign-in limit of 10 a minute) and every test reuses the session.
 */
export const demoTest = test.extend<object, { demo: Demo }>({
  demo: [
    async ({ browser }, use, workerInfo) => {
      const context = await demoOwnerContext(browser, workerInfo.project.use.baseURL!);
      const found = await findDemo(await context.newPage());
      const session = await context.storageState();
      await context.close();
      await use({ ...found, session });
    },
    { scope: 'worker' },
  ],
});
