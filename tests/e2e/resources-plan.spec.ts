// Resources on the plan and the risk board, end to end: a person allocated to a workstream and, the
// same week, to another project is shown on the workstream flagged over-allocated; a milestone whose
// workstream has nobody gets a warning in words; on the risk board "Create a risk from this" fills
// a resource risk (kind, title, owner, category, threatened workstream) that is saved only when the
// person saves it. People and allocations are seeded through the API (the people page has its own tests).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addDays, format, startOfISOWeek } from 'date-fns';
import { formatDay } from '@/server/domain/dates';
import { createProject, editor, field, newPerson, openBoard, raidTitles, row, signedUpContext } from './support';

/** The Monday `weeks` weeks after this week's, plus `days`, as `yyyy-MM-dd`. */
const monday = (weeks: number, days = 0) => format(addDays(startOfISOWeek(new Date()), weeks * 7 + days), 'yyyy-MM-dd');
/** A week as the pages name it: by its Monday, never as an ISO code like 2027-W05. */
const weekOf = (mondayDate: string) => `the week of ${formatDay(mondayDate)}`;

async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** axe's WCAG A and AA rules on the page as it is now, in the light and the dark colour scheme (as a11y.spec.ts). */
async function expectNoViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/**
 * A part of the page fits a phone's screen: it ends inside it and nothing in it sticks out (the
 * whole document's width is mobile.spec.ts's to check; the top bar is not this spec's).
 */
async function expectFitsPhone(page: Page, part: Locator) {
  await expect
    .poll(() =>
      part.evaluate((root) => {
        const width = document.documentElement.clientWidth;
        return [root, ...root.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`);
      }),
    )
    .toEqual([]);
}

async function openPlan(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

async function addWorkstream(page: Page, title: string, start: string, end: string) {
  await page.getByLabel('Workstream title').fill(title);
  await page.getByLabel('Workstream start').fill(start);
  await page.getByLabel('Workstream end').fill(end);
  await page.getByRole('button', { name: 'Add workstream' }).click();
}

/** Opens a plan item's editor from its bar and returns its id (the address names the open item). */
async function openItem(page: Page, name: RegExp): Promise<string> {
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(/[?&]item=/);
  return new URL(page.url()).searchParams.get('item')!;
}

test('resources on the plan and the risk board: an over-allocated person is flagged on their workstream and becomes a resource risk', async ({ browser, baseURL }) => {
  // A plan built through the UI, two pages, axe four times: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const owner = newPerson('owner');
  const { page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Checkout rebuild');
  const otherId = await createProject(page, 'Support tooling');
  const { workspace } = await trpcQuery<{ workspace: { id: string } }>(page, 'project.get', { projectId });
  const { user } = (await (await page.request.get('/api/auth/get-session')).json()) as { user: { id: string } };

  // The plan: Build (staffed below) and QA, which delivers Launch and has nobody.
  await openPlan(page, projectId);
  await addWorkstream(page, 'Build checkout', monday(2), monday(3, 4));
  await addWorkstream(page, 'QA pass', monday(4), monday(4, 4));
  await page.getByLabel('Milestone title').fill('Launch');
  await page.getByLabel('Milestone date').fill(monday(5));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const buildId = await openItem(page, /^Workstream Build checkout/);
  await page.getByRole('button', { name: 'Close' }).click();
  const qaId = await openItem(page, /^Workstream QA pass/);
  await page.getByLabel('Delivers milestone').selectOption({ label: 'Launch' });

  // Priya (the owner's own account) gives Build 30 h a week, and Support tooling 20 h in Build's second week: 50 of 40 h then.
  const priya = await trpcMutation<{ id: string }>(page, 'people.add', { workspaceId: workspace.id, name: 'Priya Shah', weeklyHours: 40, userId: user.id });
  // The workstream reaches the plan's projection a moment after the edit: retry until allocation.upsert finds it.
  await expect(async () => {
    await trpcMutation(page, 'allocation.upsert', { personId: priya.id, projectId, from: monday(2), to: monday(3, 4), hoursPerWeek: 30, workstreamId: buildId });
  }).toPass();
  await trpcMutation(page, 'allocation.upsert', { personId: priya.id, projectId: otherId, from: monday(3), to: monday(3, 4), hoursPerWeek: 20 });
  // Lee is on the project as a whole (no workstream): listed once under "Also on the project", never on Build.
  const lee = await trpcMutation<{ id: string }>(page, 'people.add', { workspaceId: workspace.id, name: 'Lee Park', weeklyHours: 40 });
  await trpcMutation(page, 'allocation.upsert', { personId: lee.id, projectId, from: monday(2), to: monday(4, 4), hoursPerWeek: 10 });
  const overWeek = weekOf(monday(3));

  await openPlan(page, projectId);
  const staffing = page.getByRole('region', { name: 'Who works on it' });
  const build = staffing.getByTestId('workstream-staffing').filter({ hasText: 'Build checkout' });
  await expect(build.getByTestId('staffed-person')).toHaveText(`Priya Shah30 h/weekOver-allocated in ${overWeek}`);
  await expect(staffing.getByTestId('workstream-staffing').filter({ hasText: 'QA pass' })).toContainText('Nobody is allocated to it yet.');
  await expect(staffing.getByTestId('understaffed-milestone')).toHaveText('⚠ Under-staffed: LaunchNobody is allocated to “QA pass”.');
  await expect(staffing.getByTestId('also-on-project').getByTestId('project-person')).toHaveText(`Lee Park10 h/week${formatDay(monday(2))} – ${formatDay(monday(4, 4))}`);
  await expect(staffing).not.toContainText(/\d{4}-W\d{2}/);
  await expect(staffing.getByRole('link', { name: 'People and allocations' })).toHaveAttribute('href', `/w/${workspace.id}/people`);
  await expectNoViolations(page);
  // Live: an allocation made elsewhere (as on the people page) shows on the open plan within seconds,
  // through the people board's change signal (no reload, no 15 s poll).
  await trpcMutation(page, 'allocation.upsert', { personId: lee.id, projectId, from: monday(4), to: monday(4, 4), hoursPerWeek: 8, workstreamId: qaId });
  await expect(staffing.getByTestId('workstream-staffing').filter({ hasText: 'QA pass' }).getByTestId('staffed-person')).toHaveText('Lee Park8 h/week', { timeout: 6_000 });
  await expect(staffing.getByTestId('understaffed-milestone')).toHaveCount(0, { timeout: 6_000 });
  // The workstream's editor says the same.
  await openItem(page, /^Workstream Build checkout/);
  await expect(page.getByRole('region', { name: 'Edit Build checkout' }).getByTestId('staffed-person')).toContainText(`Over-allocated in ${overWeek}`);

  // At a phone's width the section fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(build).toBeVisible();
  await expectFitsPhone(page, staffing);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The risk board lists the problem; "Create a risk from this" fills a resource risk to review.
  const title = `Priya Shah is over-allocated in ${overWeek}`;
  await openBoard(page, projectId);
  const problem = page.getByRole('list', { name: 'Resource problems' }).getByTestId('resource-problem').filter({ hasText: title });
  await expect(problem).toContainText('Over-allocation');
  await problem.getByRole('button', { name: `Create a risk from this: ${title}` }).click();
  await expect(editor(page).getByRole('heading', { name: 'New risk' })).toBeVisible();
  await expect(field(page, 'Title')).toHaveValue(title);
  await expect(field(page, 'Kind')).toHaveValue('risk');
  await expect(field(page, 'Category')).toHaveValue('Resources');
  await expect(field(page, 'Owner')).toHaveValue(user.id);
  await expect(field(page, 'Description')).toHaveValue(/50 h are allocated against a capacity of 40 h \(125%\)/);
  await expect(editor(page).getByLabel('Workstream: Build checkout')).toBeChecked();
  await expect(editor(page).getByText('review it, then save it')).toBeVisible();
  await expectNoViolations(page);

  // Reviewed: rated, then saved. It joins the board, and the problem now offers it.
  await field(page, 'Likelihood').selectOption('4');
  await field(page, 'Impact').selectOption('3');
  await editor(page).getByRole('button', { name: 'Save risk' }).click();
  await expect(editor(page).getByRole('button', { name: 'Save risk' })).toHaveCount(0);
  await expect(editor(page).getByText('Changes save as you type.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(page.getByRole('button', { name: `Create a risk from this: ${title}` })).toBeFocused();
  await expect(row(page, title)).toContainText('12');
  await expect(problem.getByRole('button', { name: 'Open its risk' })).toBeVisible();
  await expect.poll(() => raidTitles(page, projectId)).toEqual([title]);

  // Saved for good: a fresh load shows it with its fields.
  await openBoard(page, projectId);
  await row(page, title).getByRole('button', { name: title, exact: true }).click();
  await expect(field(page, 'Category')).toHaveValue('Resources');
  await expect(field(page, 'Owner')).toHaveValue(user.id);
  await expect(editor(page).getByLabel('Workstream: Build checkout')).toBeChecked();
  await page.keyboard.press('Escape');

  // Live on the risk board too: Lee given a full week elsewhere is over-allocated here within seconds.
  await trpcMutation(page, 'allocation.upsert', { personId: lee.id, projectId: otherId, from: monday(4), to: monday(4, 4), hoursPerWeek: 40 });
  await expect(page.getByRole('list', { name: 'Resource problems' })).toContainText(`Lee Park is over-allocated in ${weekOf(monday(4))}`, { timeout: 6_000 });
  await expect(page.getByTestId('save-status')).toContainText('Saved');
});

test('resources on the risk board: a prefilled risk closed without saving is never added', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Data warehouse');
  const { workspace } = await trpcQuery<{ workspace: { id: string } }>(page, 'project.get', { projectId });
  const sam = await trpcMutation<{ id: string }>(page, 'people.add', { workspaceId: workspace.id, name: 'Sam Okafor', weeklyHours: 20 });
  await trpcMutation(page, 'allocation.upsert', { personId: sam.id, projectId, from: monday(1), to: monday(1, 4), hoursPerWeek: 30 });
  const title = `Sam Okafor is over-allocated in ${weekOf(monday(1))}`;

  await openBoard(page, projectId);
  // At a phone's width the panel and the prefilled editor fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('list', { name: 'Resource problems' })).toContainText(title);
  await expectFitsPhone(page, page.getByRole('region', { name: /^Resource problems/ }));
  await page.getByRole('button', { name: `Create a risk from this: ${title}` }).click();
  await expect(field(page, 'Title')).toHaveValue(title);
  await expect(editor(page).getByRole('button', { name: 'Save risk' })).toBeInViewport();
  await expectFitsPhone(page, editor(page));
  await page.setViewportSize({ width: 1280, height: 900 });
  // No linked account, no workstream: nobody owns it yet and it threatens nothing.
  await expect(field(page, 'Owner')).toHaveValue('');
  // Typing in a draft to review does not add it either.
  await field(page, 'Title').fill(`${title} (check)`);
  await editor(page).getByRole('button', { name: 'Close editor' }).click();
  await expect(editor(page)).toBeHidden();
  // The ordinary New item still adds on its first title.
  await page.getByRole('button', { name: 'New item' }).click();
  await field(page, 'Title').fill('Vendor contract lapses');
  await page.keyboard.press('Escape');
  await expect(row(page, 'Vendor contract lapses')).toBeVisible();
  await expect.poll(() => raidTitles(page, projectId)).toEqual(['Vendor contract lapses']);
  await expect(row(page, `${title} (check)`)).toHaveCount(0);
});
