// The pages and states the accessibility gate (a11y.spec.ts) checks on the seeded demo workspace,
// one row each: who looks, at which page, at what size, after doing what. Every route folder under
// app/ needs at least one row (appRoutes() and the spec's completeness test), so a new page fails
// the gate until it is listed here, and passes only once axe finds nothing on it.
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type WebSocketRoute } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The demo's people (db/seed.ts); `visitor` is nobody signed in. */
export type Who = 'owner' | 'editor' | 'viewer' | 'visitor';

export const demoSignIn: Record<Exclude<Who, 'visitor'>, string> = {
  owner: 'dana@demo.waymark.dev',
  editor: 'sam@demo.waymark.dev',
  viewer: 'priya@demo.waymark.dev',
};
export const demoPassword = 'waymark-demo';
export const demoProjectName = 'Atlas platform migration';
export const demoStatusPath = '/status/atlas';
/** The demo server (playwright.config.ts starts it and sets this). */
export const demoURL = process.env.WAYMARK_E2E_DEMO_URL!;
export const phone = { width: 390, height: 844 };

/** Signed-in sessions per person, made once per worker. */
const sessions = new Map<Who, Awaited<ReturnType<BrowserContext['storageState']>>>();
let projectId: string | undefined;

/** A browser context on the demo server, signed in as `who` (through the auth API). */
export async function demoContext(browser: Browser, who: Who, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const own = { ...options, baseURL: demoURL };
  if (who === 'visitor') return browser.newContext(own);
  let session = sessions.get(who);
  if (!session) {
    const context = await browser.newContext(own);
    const response = await context.request.post('/api/auth/sign-in/email', {
      data: { email: demoSignIn[who], password: demoPassword },
      headers: { origin: demoURL },
    });
    expect(response.ok(), await response.text()).toBe(true);
    session = await context.storageState();
    sessions.set(who, session);
    await context.close();
  }
  return browser.newContext({ ...own, storageState: session });
}

/** The demo project's id, found from the projects page by someone who is a member. */
export async function demoProjectId(page: Page): Promise<string> {
  if (!projectId) {
    await page.goto('/projects');
    await page.getByRole('link', { name: demoProjectName }).first().click();
    await expect(page).toHaveURL(/\/p\/[0-9a-f-]{36}\//);
    projectId = page.url().match(/\/p\/([0-9a-f-]{36})\//)![1]!;
  }
  return projectId;
}

/**
 * Lets a test take a context's live-board sockets down and bring them back: Playwright's setOffline
 * leaves open WebSockets alone (microsoft/playwright#4910). Sockets opened after this call are
 * routed; while offline, new ones are closed at once, as a dropped network would.
 */
export async function liveConnectionSwitch(context: BrowserContext) {
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab/, (ws) => {
    if (offline) return void ws.close();
    const server = ws.connectToServer();
    open.add(ws);
    ws.onClose(() => {
      open.delete(ws);
      void server.close();
    });
    server.onClose(() => {
      open.delete(ws);
      void ws.close();
    });
  });
  return {
    async goOffline() {
      offline = true;
      await Promise.all([...open].map((ws) => ws.close()));
    },
    goOnline() {
      offline = false;
    },
  };
}

/** Opens a path of a11yStates (with `[projectId]`) on the demo server. */
export async function openDemoPath(page: Page, address: string) {
  await page.goto(address.includes('[projectId]') ? address.replace('[projectId]', await demoProjectId(page)) : address);
}

export interface A11yState {
  /** The test's name: the page and the state it is in. */
  name: string;
  /** The app/ route this row covers, as its folders spell it ('/p/[projectId]/plan'), or a path outside app/. */
  route: string;
  who: Who;
  /** 390 x 844, the phone layout of mobile.spec.ts. */
  phone?: boolean;
  /** The address to open; `[projectId]` is replaced by the demo project's id. */
  path: string;
  /** Brings the page into the state to check, and waits until it is there. */
  setup?: (page: Page) => Promise<void>;
  /**
   * Undoes what setup wrote to the demo, so the demo stays as seeded for the rows and specs after
   * it (run after the check, whether it passed or not).
   */
  cleanup?: (page: Page) => Promise<void>;
}

/** The what-if scenario the scenario row drafts, and thrown away after it. */
const a11yScenarioName = 'Accessibility check';

/** Every scenario of the demo workspace the page is on (the people page's address names it). */
export async function demoScenarios(page: Page, workspaceId = page.url().match(/\/w\/([0-9a-f-]{36})\//)?.[1]): Promise<{ id: string; name: string }[]> {
  const response = await page.request.get(`/api/trpc/scenario.list?input=${encodeURIComponent(JSON.stringify({ json: { workspaceId } }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { id: string; name: string }[] } } }).result.data.json;
}

/** Throws away the scenarios the scenario row drafted (by name), then checks none is left. */
async function discardA11yScenarios(page: Page) {
  const origin = new URL(page.url()).origin;
  for (const scenario of (await demoScenarios(page)).filter((s) => s.name === a11yScenarioName)) {
    const response = await page.request.post('/api/trpc/scenario.discard', { data: { json: { scenarioId: scenario.id } }, headers: { origin } });
    expect(response.ok(), await response.text()).toBe(true);
  }
  expect((await demoScenarios(page)).filter((s) => s.name === a11yScenarioName)).toEqual([]);
}

const boardSaved = async (page: Page) => {
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 45_000 });
};

const openTopRisk = async (page: Page) => {
  await boardSaved(page);
  const title = 'Payment provider API v2 sunset before cut-over';
  await page.getByRole('row').getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
};

const openPlanItem = async (page: Page) => {
  await boardSaved(page);
  await page.getByTestId('timeline').getByRole('button', { name: 'Cut-over weekend' }).first().click();
  await expect(page.getByRole('region', { name: /^Edit / })).toBeVisible();
};

/** Opens the demo's first meeting from the meetings list (ids are random per seed) and waits until its board is live. */
const openFirstMeeting = async (page: Page) => {
  await page.locator('main a[href*="/meetings/"]').first().click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await boardSaved(page);
  await expect(page.getByRole('textbox', { name: 'Meeting notes' })).toBeVisible();
};

/** The people page, live, with the grid drawn (reached from a project, so the demo's workspace). */
const peopleLive = async (page: Page) => {
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/people$/);
  await expect(page.getByTestId('grid-live')).toHaveText('Live', { timeout: 45_000 });
  await expect(page.getByRole('grid', { name: 'Allocation grid' })).toBeVisible();
};

/** The tech page with the demo's inventory drawn (db/seedDemoTech.ts). */
const techShown = async (page: Page) => {
  await expect(page.getByTestId('inventory-row').first()).toBeVisible();
  await expect(page.getByTestId('radar-picture')).toBeVisible();
};

/** Opens the tech page's import, pastes a manifest's text and asks for its preview. */
const previewPastedManifest = async (page: Page, text: string) => {
  await techShown(page);
  await page.getByRole('button', { name: 'Import manifest' }).click();
  await page.getByRole('radio', { name: 'Paste its text' }).check();
  await page.getByRole('textbox', { name: 'Manifest text' }).fill(text);
  await page.getByRole('button', { name: 'Preview' }).click();
};

/** The workspace radar, reached from a project (so the demo's workspace), its blips drawn. */
const radarShown = async (page: Page) => {
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/radar$/);
  await expect(page.getByTestId('blip-row').first()).toBeVisible();
};

/** The demo's PostgreSQL item open in the tech page's dialog. */
const openTechItem = async (page: Page) => {
  await techShown(page);
  await page.getByTestId('inventory-table').getByRole('button', { name: 'PostgreSQL', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('ring-change').first()).toBeVisible();
};

/** The workspace's standards page, reached from the demo plan's link (so the demo's workspace). */
const standardsPage = async (page: Page) => {
  await page.getByRole('link', { name: 'Workspace checklists' }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/standards$/);
  await expect(page.getByTestId('checklist').first()).toBeVisible();
};

/** The demo rehearsal's standards open in the plan, its failed load test being changed (not saved). */
const changingAStandard = async (page: Page) => {
  await boardSaved(page);
  await page.getByTestId('timeline').getByRole('button', { name: 'Rehearsal on a production-size copy' }).first().click();
  const load = page.getByTestId('milestone-standards').getByTestId('standard-check').filter({ hasText: 'Load test passed' });
  await load.getByRole('button', { name: 'Change Load test passed' }).click();
  await load.getByLabel('State').selectOption({ label: 'Waived' });
  await expect(load.getByLabel('Why it is waived')).toBeVisible();
};

/** The insights page with its charts and forecasts drawn (the demo has updates, scored risks, milestones, allocations and delivery history). */
const insightsShown = async (page: Page) => {
  await expect(page.getByTestId('chart-status-health').getByRole('img')).toBeVisible();
  await expect(page.getByTestId('chart-risk-exposure').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('milestone-forecast').first()).toBeVisible();
};

/** The demo workspace's portfolio, reached from the projects page's "Portfolio" link. */
const portfolioShown = async (page: Page) => {
  await page.getByRole('link', { name: /: portfolio$/ }).first().click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('portfolio-row').first()).toBeVisible();
};

/** An insights chart switched to its table (the health chart's, whose rows the demo has). */
const insightsTable = async (page: Page) => {
  await insightsShown(page);
  await page.getByTestId('chart-status-health').getByRole('button', { name: 'Table' }).click();
  await expect(page.getByTestId('table-status-health')).toBeVisible();
};

/** The delivery import checked (nothing written): the mapping, the counts and a bad line listed. */
const deliveryImportChecked = async (page: Page) => {
  await insightsShown(page);
  await page.getByLabel('Delivery CSV').fill('Key,Created,Resolved\nA11Y-1,2026-11-02,2026-11-09\nA11Y-2,not a date,\n');
  await page.getByRole('button', { name: 'Map columns' }).click();
  await page.getByLabel('Key (required)').selectOption('Key');
  await page.getByLabel('Created (required)').selectOption('Created');
  await page.getByLabel('Resolved (required)').selectOption('Resolved');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('delivery-problem')).toContainText('Line 3');
};

const projectPages = (who: Who, phone = false): A11yState[] => {
  const suffix = `${who}${phone ? ', 390 px' : ''}`;
  return [
    { name: `projects (${suffix})`, route: '/projects', who, phone, path: '/projects' },
    { name: `plan (${suffix})`, route: '/p/[projectId]/plan', who, phone, path: '/p/[projectId]/plan', setup: boardSaved },
    { name: `risks (${suffix})`, route: '/p/[projectId]/risks', who, phone, path: '/p/[projectId]/risks', setup: boardSaved },
    { name: `meetings (${suffix})`, route: '/p/[projectId]/meetings', who, phone, path: '/p/[projectId]/meetings' },
    { name: `meeting board (${suffix})`, route: '/p/[projectId]/meetings/[meetingId]', who, phone, path: '/p/[projectId]/meetings', setup: openFirstMeeting },
    { name: `actions (${suffix})`, route: '/p/[projectId]/actions', who, phone, path: '/p/[projectId]/actions' },
    { name: `decisions (${suffix})`, route: '/p/[projectId]/decisions', who, phone, path: '/p/[projectId]/decisions' },
    { name: `my actions (${suffix})`, route: '/actions', who, phone, path: '/actions' },
    { name: `people (${suffix})`, route: '/w/[workspaceId]/people', who, phone, path: '/people?project=[projectId]', setup: peopleLive },
    { name: `tech (${suffix})`, route: '/p/[projectId]/tech', who, phone, path: '/p/[projectId]/tech', setup: techShown },
    { name: `insights (${suffix})`, route: '/p/[projectId]/insights', who, phone, path: '/p/[projectId]/insights', setup: insightsShown },
    { name: `portfolio (${suffix})`, route: '/w/[workspaceId]', who, phone, path: '/projects', setup: portfolioShown },
    { name: `radar (${suffix})`, route: '/w/[workspaceId]/radar', who, phone, path: '/radar?project=[projectId]', setup: radarShown },
    { name: `standards (${suffix})`, route: '/w/[workspaceId]/standards', who, phone, path: '/p/[projectId]/plan', setup: standardsPage },
    { name: `updates (${suffix})`, route: '/p/[projectId]/updates', who, phone, path: '/p/[projectId]/updates' },
    { name: `members (${suffix})`, route: '/p/[projectId]/members', who, phone, path: '/p/[projectId]/members' },
    { name: `settings (${suffix})`, route: '/p/[projectId]/settings', who, phone, path: '/p/[projectId]/settings' },
  ];
};

const visitorPages = (phone = false): A11yState[] => {
  const suffix = phone ? ' (390 px)' : '';
  return [
    { name: `home${suffix}`, route: '/', who: 'visitor', phone, path: '/' },
    { name: `sign in${suffix}`, route: '/sign-in', who: 'visitor', phone, path: '/sign-in' },
    { name: `sign up${suffix}`, route: '/sign-up', who: 'visitor', phone, path: '/sign-up' },
    { name: `public status page${suffix}`, route: demoStatusPath, who: 'visitor', phone, path: demoStatusPath },
  ];
};

export const a11yStates: A11yState[] = [
  ...visitorPages(),
  ...visitorPages(true),
  {
    name: 'sign in: wrong password',
    route: '/sign-in',
    who: 'visitor',
    path: '/sign-in',
    setup: async (page) => {
      await page.getByLabel('Email').fill(demoSignIn.owner);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  { name: 'forgot password', route: '/forgot-password', who: 'visitor', path: '/forgot-password' },
  { name: 'reset password: the form', route: '/reset-password', who: 'visitor', path: '/reset-password?token=a-token-from-an-e-mail' },
  { name: 'reset password: an expired link', route: '/reset-password', who: 'visitor', path: '/reset-password?error=INVALID_TOKEN' },
  { name: 'invite: an unknown link', route: '/invite/[token]', who: 'visitor', path: `/invite/${'x'.repeat(43)}` },
  { name: 'invite: an unknown link, signed in', route: '/invite/[token]', who: 'editor', path: `/invite/${'x'.repeat(43)}` },
  { name: 'page not found', route: '(not found)', who: 'visitor', path: '/no-such-page' },
  { name: 'sign out', route: '/sign-out', who: 'owner', path: '/sign-out' },
  { name: 'project address (opens the plan)', route: '/p/[projectId]', who: 'owner', path: '/p/[projectId]', setup: boardSaved },

  ...projectPages('owner'),
  ...projectPages('owner', true),
  ...projectPages('viewer'),
  ...projectPages('editor'),

  // States the first pass did not reach.
  { name: 'plan: an item open (owner)', route: '/p/[projectId]/plan', who: 'owner', path: '/p/[projectId]/plan', setup: openPlanItem },
  {
    name: 'plan: the calendar open (owner)',
    route: '/p/[projectId]/plan',
    who: 'owner',
    path: '/p/[projectId]/plan',
    setup: async (page) => {
      await openPlanItem(page);
      await page.getByRole('region', { name: /^Edit / }).getByRole('button', { name: 'Calendar' }).first().click();
      await expect(page.getByRole('dialog', { name: 'Choose a date' })).toBeVisible();
    },
  },
  { name: "plan: a milestone's standards, a check being changed (owner)", route: '/p/[projectId]/plan', who: 'owner', path: '/p/[projectId]/plan', setup: changingAStandard },
  {
    name: 'standards: a checklist being written (owner, 390 px)',
    route: '/w/[workspaceId]/standards',
    who: 'owner',
    phone: true,
    path: '/p/[projectId]/plan',
    setup: async (page) => {
      await standardsPage(page);
      await page.getByRole('button', { name: 'New checklist' }).click();
      await expect(page.getByRole('form', { name: 'New checklist' })).toBeVisible();
    },
  },
  { name: 'plan: an item open (viewer)', route: '/p/[projectId]/plan', who: 'viewer', path: '/p/[projectId]/plan', setup: openPlanItem },
  { name: 'risks: the editor open (owner)', route: '/p/[projectId]/risks', who: 'owner', path: '/p/[projectId]/risks', setup: openTopRisk },
  { name: 'risks: the editor open (viewer)', route: '/p/[projectId]/risks', who: 'viewer', path: '/p/[projectId]/risks', setup: openTopRisk },
  { name: 'risks: the editor open (owner, 390 px)', route: '/p/[projectId]/risks', who: 'owner', phone: true, path: '/p/[projectId]/risks', setup: openTopRisk },
  {
    name: 'risks: asked to confirm a delete (owner)',
    route: '/p/[projectId]/risks',
    who: 'owner',
    path: '/p/[projectId]/risks',
    setup: async (page) => {
      await openTopRisk(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('group', { name: 'Delete this item?' })).toBeVisible();
    },
  },
  {
    // The demo project has a person over-allocated this week and staffing gaps (db/seed.ts).
    name: 'risks: a resource risk filled from a resource problem (owner)',
    route: '/p/[projectId]/risks',
    who: 'owner',
    path: '/p/[projectId]/risks',
    setup: async (page) => {
      await boardSaved(page);
      await page.getByRole('list', { name: 'Resource problems' }).getByRole('button', { name: /^Create a risk from this/ }).first().click();
      await expect(page.getByRole('dialog').getByRole('button', { name: 'Save risk' })).toBeVisible();
    },
  },
  {
    name: 'risks: a heat map cell chosen (owner)',
    route: '/p/[projectId]/risks',
    who: 'owner',
    path: '/p/[projectId]/risks',
    setup: async (page) => {
      await boardSaved(page);
      await page.getByRole('button', { name: /^Likelihood 5, impact 5: / }).click();
      await expect(page.getByRole('button', { name: 'Remove the heat map cell filter' })).toBeVisible();
    },
  },
  {
    name: 'risks: a filter that matches nothing (owner)',
    route: '/p/[projectId]/risks',
    who: 'owner',
    path: '/p/[projectId]/risks',
    setup: async (page) => {
      await boardSaved(page);
      await page.getByRole('button', { name: 'Likelihood 1, impact 5: 0 items' }).click();
      await expect(page.getByRole('button', { name: 'Remove the heat map cell filter' })).toBeVisible();
    },
  },
  {
    name: 'risks: offline (owner)',
    route: '/p/[projectId]/risks',
    who: 'owner',
    path: '/p/[projectId]/risks',
    setup: async (page) => {
      const network = await liveConnectionSwitch(page.context());
      await page.reload();
      await boardSaved(page);
      await network.goOffline();
      await expect(page.getByTestId('save-status')).toContainText('Offline');
    },
  },
  {
    name: 'meeting board: a mention being chosen in the notes (owner)',
    route: '/p/[projectId]/meetings/[meetingId]',
    who: 'owner',
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await openFirstMeeting(page);
      const notes = page.getByRole('textbox', { name: 'Meeting notes' });
      if ((await notes.getAttribute('contenteditable')) !== 'true') return;
      await notes.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' @');
      await expect(page.getByRole('listbox', { name: 'Mention a member' })).toBeVisible();
    },
  },
  {
    name: 'meeting board: attendees and details being edited (owner, 390 px)',
    route: '/p/[projectId]/meetings/[meetingId]',
    who: 'owner',
    phone: true,
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await openFirstMeeting(page);
      await page.getByRole('button', { name: /^Edit attendees/ }).click();
      await expect(page.getByRole('group', { name: 'Choose attendees' })).toBeVisible();
      await page.getByRole('button', { name: 'Edit details' }).click();
      await expect(page.getByRole('form', { name: 'Edit meeting details' })).toBeVisible();
    },
  },
  {
    name: 'meeting board: asked to confirm deleting the meeting (owner)',
    route: '/p/[projectId]/meetings/[meetingId]',
    who: 'owner',
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await openFirstMeeting(page);
      await page.getByRole('button', { name: 'Delete meeting' }).click();
      await expect(page.getByRole('group', { name: /^Delete this meeting/ })).toBeVisible();
    },
  },
  {
    name: 'meeting board: the link dialog open in the notes (owner)',
    route: '/p/[projectId]/meetings/[meetingId]',
    who: 'owner',
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await openFirstMeeting(page);
      const link = page.getByRole('button', { name: 'Link' });
      // An ended demo meeting has no toolbar: the board is then checked as it is.
      if (!(await link.count())) return;
      await link.click();
      await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
    },
  },
  {
    name: 'meetings: choosing attendees for a new meeting (owner, 390 px)',
    route: '/p/[projectId]/meetings',
    who: 'owner',
    phone: true,
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await page.getByRole('button', { name: /^Attendees \(/ }).click();
      await expect(page.getByRole('group', { name: 'Choose attendees' })).toBeVisible();
    },
  },
  {
    name: 'meetings: the new meeting form filled from its series (owner, 390 px)',
    route: '/p/[projectId]/meetings',
    who: 'owner',
    phone: true,
    path: '/p/[projectId]/meetings',
    setup: async (page) => {
      await page.getByLabel('Series').selectOption({ label: 'Risk review' });
      await page.getByLabel('Series').selectOption({ label: 'Weekly sync' });
      await expect(page.getByLabel('Title')).not.toHaveValue('');
    },
  },
  { name: 'people: the top bar link (owner)', route: '/people', who: 'owner', path: '/people', setup: peopleLive },
  { name: 'radar: the top bar link (owner)', route: '/radar', who: 'owner', path: '/radar', setup: radarShown },
  { name: 'insights: a delivery import checked, a bad line listed (owner, 390 px)', route: '/p/[projectId]/insights', who: 'owner', phone: true, path: '/p/[projectId]/insights', setup: deliveryImportChecked },
  { name: 'insights: a chart switched to its table (viewer, 390 px)', route: '/p/[projectId]/insights', who: 'viewer', phone: true, path: '/p/[projectId]/insights', setup: insightsTable },
  { name: 'tech: an item open with its ring history (owner)', route: '/p/[projectId]/tech', who: 'owner', path: '/p/[projectId]/tech', setup: openTechItem },
  { name: 'tech: an item open, read-only (viewer)', route: '/p/[projectId]/tech', who: 'viewer', path: '/p/[projectId]/tech', setup: openTechItem },
  {
    // The ring changed but not saved: the reason field shows; Cancel leaves the demo as seeded.
    name: 'tech: moving an item asks why (owner, 390 px)',
    route: '/p/[projectId]/tech',
    who: 'owner',
    phone: true,
    path: '/p/[projectId]/tech',
    setup: async (page) => {
      await openTechItem(page);
      await page.getByRole('dialog').getByLabel('Ring', { exact: true }).selectOption('trial');
      await expect(page.getByRole('dialog').getByLabel(/^Why move it from/)).toBeVisible();
    },
  },
  {
    // A preview writes nothing.
    name: 'tech: an import previewed (owner)',
    route: '/p/[projectId]/tech',
    who: 'owner',
    path: '/p/[projectId]/tech',
    setup: async (page) => {
      await previewPastedManifest(page, JSON.stringify({ dependencies: { next: '16.4.6', 'left-pad': '1.3.0' } }));
      await expect(page.getByTestId('import-preview')).toBeVisible();
    },
  },
  {
    name: 'tech: an import refused, naming the line (owner)',
    route: '/p/[projectId]/tech',
    who: 'owner',
    path: '/p/[projectId]/tech',
    setup: async (page) => {
      await previewPastedManifest(page, '{\n  "dependencies": {\n');
      await expect(page.getByRole('alert').filter({ hasText: 'package.json line' })).toContainText('not valid JSON');
    },
  },
  {
    name: 'people: a cell focused, the month zoom and filters (owner)',
    route: '/w/[workspaceId]/people',
    who: 'owner',
    path: '/people?project=[projectId]',
    setup: async (page) => {
      await peopleLive(page);
      await page.getByRole('button', { name: 'Months', exact: true }).click();
      await page.getByLabel('Role', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('grid', { name: 'Allocation grid' }).locator('td[tabindex="0"]').focus();
      await expect(page.getByTestId('cell-details')).not.toContainText('Hover or focus');
    },
  },
  {
    name: 'people: the allocation dialog open (owner)',
    route: '/w/[workspaceId]/people',
    who: 'owner',
    path: '/people?project=[projectId]',
    setup: async (page) => {
      await peopleLive(page);
      await page.getByRole('button', { name: 'Add allocation' }).click();
      await expect(page.getByRole('dialog', { name: 'New allocation' })).toBeVisible();
    },
  },
  {
    // Drafts a scenario (never applied), then throws it away: the demo stays as seeded.
    name: 'people: a what-if scenario compared (owner)',
    route: '/w/[workspaceId]/people',
    who: 'owner',
    path: '/people?project=[projectId]',
    setup: async (page) => {
      await peopleLive(page);
      await page.getByRole('textbox', { name: 'New scenario' }).fill(a11yScenarioName);
      await page.getByRole('button', { name: 'Create scenario' }).click();
      const change = page.getByRole('form', { name: 'Add a change' });
      await change.getByLabel('Change', { exact: true }).selectOption({ label: 'Remove an allocation' });
      await change.getByLabel('Allocation', { exact: true }).selectOption({ index: 1 });
      await change.getByRole('button', { name: 'Add change' }).click();
      await expect(page.getByTestId('changed-cell').first()).toBeVisible();
    },
    cleanup: discardA11yScenarios,
  },
  {
    name: 'people: adding a person and time off open (owner, 390 px)',
    route: '/w/[workspaceId]/people',
    who: 'owner',
    phone: true,
    path: '/people?project=[projectId]',
    setup: async (page) => {
      await peopleLive(page);
      await page.getByRole('button', { name: 'Add person', exact: true }).click();
      await expect(page.getByRole('form', { name: 'Add person' })).toBeVisible();
      await page.getByRole('button', { name: 'Time off' }).first().click();
      await expect(page.getByRole('form', { name: /^Add time off for / }).first()).toBeVisible();
    },
  },
  {
    name: 'settings: asked to confirm archiving (owner)',
    route: '/p/[projectId]/settings',
    who: 'owner',
    path: '/p/[projectId]/settings',
    setup: async (page) => {
      await page.getByRole('button', { name: 'Archive project' }).click();
      await expect(page.getByRole('group', { name: /^Archive it\?/ })).toBeVisible();
    },
  },
  {
    name: 'members: asked to confirm a removal (owner)',
    route: '/p/[projectId]/members',
    who: 'owner',
    path: '/p/[projectId]/members',
    setup: async (page) => {
      await page.getByRole('button', { name: /^Remove / }).first().click();
      await expect(page.getByRole('group', { name: /^Remove .*\?$/ })).toBeVisible();
    },
  },
  {
    name: 'updates: an older update unfolded (owner)',
    route: '/p/[projectId]/updates',
    who: 'owner',
    path: '/p/[projectId]/updates',
    setup: async (page) => {
      const details = page.locator('details').first();
      if ((await details.count()) === 0) return;
      await details.locator('summary').click();
      await expect(details).toHaveAttribute('open', '');
    },
  },
];

/**
 * The routes app/ defines, as their folders spell them: every folder with a page.tsx (route groups
 * in parentheses do not add to the path). Kept beside the list so the completeness test reads as one rule.
 */
export function appRoutes(appDir = path.resolve('app')): string[] {
  const routes: string[] = [];
  const walk = (dir: string, route: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === 'page.tsx') routes.push('/' + route.join('/'));
      if (entry.isDirectory() && !entry.name.startsWith('_')) {
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : [...route, entry.name]);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}
