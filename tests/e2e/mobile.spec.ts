// Every page at a phone's width (390 x 844): nothing makes the document wider than the screen
// (wide content such as the roadmap scrolls inside its own box), and every project tab can be
// reached. One project is filled through the UI first, with about what a real one holds.
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  addItem,
  addMember,
  createProject,
  newPerson,
  openBoard,
  password,
  signedUpContext,
  type Person,
} from './support';

const phone = { width: 390, height: 844 };
const tabs = ['Plan', 'Risks', 'Tech', 'Updates', 'Insights', 'Members', 'Settings'];

interface Seeded {
  owner: Person;
  projectId: string;
  slug: string;
}

let seeded: Seeded;

/** Fails with the elements that stick out, so a failure says what to fix. */
async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          // Name what sticks out, widest first (a positioned element escapes a scrolling box whose
          // position is static, so those count too); never an empty list while the page is too wide.
          const culprits = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 60)} right=${Math.round(el.getBoundingClientRect().right)}`);
          return [`scrollWidth ${document.documentElement.scrollWidth}`, ...culprits];
        }),
      { message: `the document is wider than ${phone.width} px` },
    )
    .toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

/** Every project tab lies inside the screen, so a thumb reaches it without scrolling sideways. */
async function expectTabsReachable(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Project sections' });
  for (const name of tabs) {
    const tab = nav.getByRole('link', { name, exact: true });
    await expect(tab).toBeVisible();
    const box = (await tab.boundingBox())!;
    expect(box.x, `${name} tab starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} tab ends on screen`).toBeLessThanOrEqual(phone.width);
  }
}

async function phoneContext(browser: Browser, baseURL: string, person?: Person) {
  const context = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  if (person) {
    const response = await page.request.post('/api/auth/sign-in/email', {
      data: { email: person.email, password },
      headers: { origin: baseURL },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }
  return { context, page };
}

async function fillPlan(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  const workstreams: [string, string, string][] = [
    ['Discovery and vendor shortlist', '2027-01-04', '2027-02-12'],
    ['Build the new checkout flow', '2027-02-01', '2027-04-30'],
    ['Load testing and hardening', '2027-04-12', '2027-05-21'],
  ];
  for (const [title, start, end] of workstreams) {
    await page.getByLabel('Workstream title').fill(title);
    await page.getByLabel('Workstream start').fill(start);
    await page.getByLabel('Workstream end').fill(end);
    await page.getByRole('button', { name: 'Add workstream' }).click();
  }
  for (const [title, date] of [
    ['Beta with first merchants', '2027-03-15'],
    ['General availability', '2027-06-01'],
  ]) {
    await page.getByLabel('Milestone title').fill(title!);
    await page.getByLabel('Milestone date').fill(date!);
    await page.getByRole('button', { name: 'Add milestone' }).click();
  }
  await expect(page.getByTestId('timeline-row')).toHaveCount(5);
  await page.getByLabel('Finishes first').selectOption({ label: 'Build the new checkout flow' });
  await page.getByLabel('Then starts').selectOption({ label: 'General availability' });
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await page.getByLabel('Baseline name').fill('Kick-off plan');
  await page.getByRole('button', { name: 'Save baseline' }).click();

  await page.getByLabel('Add to in scope').fill('Card and wallet payments in the EU');
  await page.getByLabel('Add to in scope').press('Enter');
  await page.getByLabel('Add to non-goals').fill('Marketplace payouts');
  await page.getByLabel('Add to non-goals').press('Enter');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByLabel('Goal title: New goal').fill('Checkout conversion');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await page.getByLabel('Name of stakeholder New stakeholder').fill('Priya Raman');
  await expect(page.getByLabel('Organisation of Priya Raman')).toBeVisible();
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await page.getByLabel('Name of stakeholder New stakeholder').fill('Daniel Okafor');
  await expect(page.getByLabel('Organisation of Daniel Okafor')).toBeVisible();
  await page.getByLabel('Organisation of Daniel Okafor').fill('Finance, head of payments operations');
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  await signedUpContext(browser, baseURL!, teammate).then(({ context: c }) => c.close());
  await createProject(page, 'Data centre exit');
  await createProject(page, 'Mobile app accessibility audit');
  const projectId = await createProject(page, 'Checkout replatforming for EU merchants');
  await addMember(page, projectId, teammate, 'Editor');
  await fillPlan(page, projectId);

  await openBoard(page, projectId);
  await addItem(page, 'Payment provider sunsets API v2 before our cut-over', 4, 5);
  await addItem(page, 'Load test environment not ready in time', 3, 3);
  await addItem(page, 'Merchants need a migration guide', 2, 2);

  const slug = `mobile-${projectId.slice(0, 8)}`;
  await page.goto(`/p/${projectId}/settings`);
  await page.getByLabel('Publish a public status page').check();
  await page.getByLabel('Address').fill(slug);
  await page.getByRole('button', { name: 'Save public page' }).click();
  await expect(page.getByText('The public page is on.')).toBeVisible();

  await page.goto(`/p/${projectId}/updates`);
  // Updates are for members only unless chosen otherwise; the public page test reads this one.
  await page.getByLabel('For', { exact: true }).selectOption({ label: 'Public status page' });
  await page.getByRole('button', { name: 'New update' }).click();
  const draft = page.getByRole('form', { name: 'Draft update' });
  await draft.getByLabel('Health').selectOption({ label: 'At risk' });
  await draft.getByLabel('Reason').fill('The payment provider moved the API v2 sunset forward by six weeks');
  await draft.getByLabel('Summary').fill('Refunds and partial captures still call **API v2**; the rewrite is half done.');
  await draft.getByLabel('Next steps', { exact: true }).fill('- Finish the refunds rewrite\n- Load test at 3x Black Friday peak');
  await expect(draft.getByTestId('draft-status')).toHaveText('Draft saved');
  await page.getByRole('button', { name: 'Publish update' }).click();
  await expect(page.getByTestId('update-reason')).toContainText('At risk');

  seeded = { owner, projectId, slug };
  await context.close();
});

test('phone: the sign-in page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!);
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the sign-up page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!);
  await page.goto('/sign-up');
  await expect(page.getByRole('button', { name: 'Sign up' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the projects list fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto('/projects');
  await expect(page.getByRole('link', { name: /Checkout replatforming for EU merchants/ }).first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the plan fits 390 px, its roadmap scrolls inside itself and stakeholder fields keep their width', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await expect(page.getByTestId('timeline-row')).toHaveCount(5);
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  // The row labels leave most of the roadmap for the dates, which scroll within the roadmap.
  const roadmap = page.getByTestId('timeline');
  const label = page.getByTestId('timeline-label').first();
  const roadmapWidth = await roadmap.evaluate((el) => el.clientWidth);
  const labelWidth = (await label.boundingBox())!.width;
  expect(roadmapWidth - labelWidth, 'width left for the dates').toBeGreaterThanOrEqual(200);
  expect(await roadmap.evaluate((el) => el.scrollWidth > el.clientWidth), 'the roadmap scrolls within itself').toBe(true);
  // A cut title keeps its full text as the button's name and tooltip.
  const title = 'Discovery and vendor shortlist';
  await expect(label.getByRole('button', { name: title, exact: true })).toHaveAttribute('title', title);
  await roadmap.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(() => roadmap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(label).toBeInViewport();
  await expectNoSidewaysScroll(page);
  // The stakeholder fields are wide enough to read what is in them.
  for (const label of ['Name of stakeholder Priya Raman', 'Organisation of Daniel Okafor', 'Project member for Priya Raman', 'Frequency for Daniel Okafor']) {
    const box = (await page.getByLabel(label, { exact: true }).boundingBox())!;
    expect(box.width, `${label} is wide enough to read`).toBeGreaterThanOrEqual(140);
    expect(box.x + box.width, `${label} is on screen`).toBeLessThanOrEqual(phone.width);
  }
  await context.close();
});

test('phone: technical standards fit 390 px: the workspace checklists (one being written) and a milestone\'s checks (one being changed)', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.getByRole('link', { name: 'Workspace checklists' }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/standards$/);
  await page.getByRole('button', { name: 'Add the standard set' }).click();
  await expect(page.getByTestId('checklist').filter({ hasText: 'Launch readiness' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'New checklist' }).click();
  await expect(page.getByRole('form', { name: 'New checklist' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(`/p/${seeded.projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.getByTestId('timeline').getByRole('button', { name: 'Beta with first merchants', exact: true }).click();
  const panel = page.getByTestId('milestone-standards');
  await panel.getByLabel('Checklist', { exact: true }).selectOption({ label: 'Launch readiness (4 checks)' });
  await panel.getByRole('button', { name: 'Apply checklist' }).click();
  await expect(panel.getByTestId('standard-check')).toHaveCount(4);
  await panel.getByRole('button', { name: 'Change Load test passed' }).click();
  await panel.getByLabel('Evidence link').fill('https://ci.example.com/load-tests/a-rather-long-report-name-that-must-wrap/2027-03-15');
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the risk board fits 390 px, with the editor open too', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await openBoard(page, seeded.projectId);
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  await page.getByRole('button', { name: 'Payment provider sunsets API v2 before our cut-over', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the tech page and the workspace radar fit 390 px, with an item open, and the top bar keeps Radar on screen', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  const origin = { origin: baseURL! };
  for (const item of [
    { name: 'Payment provider API v2 with a long vendor name for a phone', kind: 'service', version: 'v2', eolDate: '2024-01-31', ring: 'hold', licence: 'Proprietary (vendor terms, renewed yearly)', ownerName: 'Payments vendor' },
    { name: '@company/very-long-scoped-package-name-for-the-design-system', kind: 'library', version: '^18.2.0', latestVersion: '19.3.1', ring: 'adopt' },
  ]) {
    const response = await page.request.post('/api/trpc/tech.upsert', { data: { json: { projectId: seeded.projectId, ...item } }, headers: origin });
    expect(response.ok(), await response.text()).toBe(true);
  }
  await page.goto(`/p/${seeded.projectId}/tech`);
  await expect(page.getByTestId('tech-alert').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  const radar = page.getByRole('banner').getByRole('link', { name: 'Radar' });
  const box = (await radar.boundingBox())!;
  expect(box.x + box.width, 'Radar link ends on screen').toBeLessThanOrEqual(phone.width);
  await page.getByTestId('inventory-table').getByRole('button', { name: /^Payment provider API v2/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.keyboard.press('Escape');
  await radar.click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/radar$/);
  await expect(page.getByTestId('holds-in-use')).toContainText('Payment provider API v2');
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the insights page (a chart and a table) and the workspace portfolio fit 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/insights`);
  await expect(page.getByTestId('chart-status-health').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  const health = page.getByTestId('chart-status-health');
  const box = (await health.boundingBox())!;
  expect(box.x + box.width, 'the chart card ends on screen').toBeLessThanOrEqual(phone.width);
  await health.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByTestId('table-status-health')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('link', { name: /: portfolio$/ }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('portfolio-row').filter({ has: page.locator(`a[href="/p/${seeded.projectId}"]`) })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the updates page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/updates`);
  await expect(page.getByTestId('update-reason').first()).toContainText('At risk');
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  await context.close();
});

test('phone: the members page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/members`);
  await expect(page.getByRole('button', { name: 'Create invite' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  await context.close();
});

test('phone: the settings page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  await page.goto(`/p/${seeded.projectId}/settings`);
  await expect(page.getByRole('button', { name: 'Save public page' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectTabsReachable(page);
  await context.close();
});

test('phone: the public status page fits 390 px', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!);
  await page.goto(`/status/${seeded.slug}`);
  await expect(page.getByTestId('current-health')).toHaveText('At risk');
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('phone: the meeting pages fit 390 px (meetings, a live board, actions, decisions, my actions)', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  const call = async (procedure: string, json: unknown) => {
    const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json }, headers: { origin: baseURL! } });
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { result: { data: { json: { id?: string } } } }).result.data.json;
  };
  const created = await call('meeting.create', { projectId: seeded.projectId, title: 'Weekly sync with the payments squad', startsAt: '2027-03-01T09:00:00Z', series: 'weekly-sync' });
  await call('meeting.addAction', { meetingId: created.id, title: 'Confirm the cut-over window with the acquiring bank', ownerEmail: seeded.owner.email, due: '2027-03-05' });
  await call('meeting.addDecision', { meetingId: created.id, text: 'Keep the legacy checkout running for two weeks after launch as a fallback' });

  const pages: [string, RegExp][] = [
    [`/p/${seeded.projectId}/meetings`, /Weekly sync with the payments squad/],
    [`/p/${seeded.projectId}/meetings/${created.id}`, /Weekly sync with the payments squad/],
    [`/p/${seeded.projectId}/actions`, /Confirm the cut-over window/],
    [`/p/${seeded.projectId}/decisions`, /Keep the legacy checkout running/],
    ['/actions', /Confirm the cut-over window/],
  ];
  for (const [path, text] of pages) {
    await page.goto(path);
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 20_000 });
    // The live board lays out once its document is loaded.
    if (path.includes(created.id!)) await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
    await expectNoSidewaysScroll(page);
  }
  await context.close();
});

test('phone: the people page fits 390 px, its grid scrolls inside itself with the person column kept in view', async ({ browser, baseURL }) => {
  const { context, page } = await phoneContext(browser, baseURL!, seeded.owner);
  const call = async (procedure: string, json: unknown) => {
    const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json }, headers: { origin: baseURL! } });
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { result: { data: { json: { id?: string } } } }).result.data.json;
  };
  await page.goto(`/people?project=${seeded.projectId}`);
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/people$/);
  const workspaceId = page.url().match(/\/w\/([0-9a-f-]{36})\//)![1]!;
  const monday = await page.getByRole('grid', { name: 'Allocation grid' }).evaluate(() => {
    const today = new Date();
    const back = (today.getUTCDay() + 6) % 7;
    return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back)).toISOString().slice(0, 10);
  });
  const person = await call('people.add', { workspaceId, name: 'Alexandra Konstantinopoulou-Smith', weeklyHours: 40, role: 'Payments engineer', skills: ['payments', 'go'] });
  await call('allocation.upsert', { personId: person.id, projectId: seeded.projectId, from: monday, to: '2099-12-31', hoursPerWeek: 44 });
  await page.reload();
  await expect(page.getByTestId('grid-live')).toHaveText('Live', { timeout: 20_000 });
  const row = page.locator('[data-testid="person-row"][data-person="Alexandra Konstantinopoulou-Smith"]');
  await expect(row.locator('td').first()).toHaveAttribute('data-band', 'over');
  await expectNoSidewaysScroll(page);

  const scroller = page.getByRole('region', { name: 'Allocation grid (scrolls sideways)' });
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth), 'the grid scrolls within itself').toBe(true);
  const nameCell = row.getByRole('rowheader');
  const before = (await nameCell.boundingBox())!;
  await scroller.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
  // The person column stays where it was while the weeks move under it.
  const after = (await nameCell.boundingBox())!;
  expect(Math.abs(after.x - before.x), 'the person column is sticky').toBeLessThanOrEqual(1);
  expect(after.x + after.width).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page);

  // On the plan, the same person (on the project as a whole, so under "Also on the project") has a
  // long flag ("Over-allocated in the weeks of …, … and N more"): it wraps inside its section
  // instead of widening the page.
  await page.goto(`/p/${seeded.projectId}/plan`);
  const flag = page.getByTestId('project-person').filter({ hasText: 'Alexandra Konstantinopoulou-Smith' }).first().getByText(/^Over-allocated in the weeks of .* and \d+ more$/);
  await expect(flag).toBeVisible({ timeout: 20_000 });
  const [flagRight, cardRight] = await flag.evaluate((el) => [el.getBoundingClientRect().right, el.closest('[data-testid="also-on-project"]')!.getBoundingClientRect().right]);
  expect(flagRight, 'the flag stays inside its card').toBeLessThanOrEqual(cardRight!);
  await expectNoSidewaysScroll(page);
  await context.close();
});
