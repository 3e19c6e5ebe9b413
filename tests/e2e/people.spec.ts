// The people page (issue 15's acceptance): two people added, one allocated to two projects so a
// week goes over, seen turning "over" live in a second browser (another editor), fixed by dragging
// a bar's edge and seen healthy again on both screens; the same done from the keyboard alone; and
// the page's refusals, read-only view and 404 for strangers.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatDay } from '@/server/domain/dates';
import { addMember, createProject, newPerson, signedUpContext, tabTo } from './support';

const columnWidth = 56;

/** Opens the people page of a project's workspace (through the top bar's link) and waits until the grid is live. */
async function openPeople(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/people$/);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByTestId('grid-live')).toHaveText('Live', { timeout: 20_000 });
}

async function addPerson(page: Page, name: string, weeklyHours: number, role = 'Backend engineer') {
  const form = page.getByRole('form', { name: 'Add person' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add person', exact: true }).click();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Role', { exact: true }).fill(role);
  await form.getByLabel('Weekly hours', { exact: true }).fill(String(weeklyHours));
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(personRow(page, name)).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('');
}

const personRow = (page: Page, name: string) => page.locator(`[data-testid="person-row"][data-person="${name}"]`);
/** A person's utilisation cell in the n-th shown week (0 = this week). */
const cell = (page: Page, name: string, week: number) => personRow(page, name).locator('td').nth(week);

/** Opens the allocation dialog on a person's cell (double-click), then fills the project and hours and saves. */
async function allocateFromCell(page: Page, target: Locator, project: string, hours: number) {
  await target.dblclick();
  const dialog = page.getByRole('dialog', { name: 'New allocation' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Project').selectOption({ label: project });
  await dialog.getByLabel('Hours a week').fill(String(hours));
  await dialog.getByRole('button', { name: 'Add allocation' }).click();
  await expect(dialog).toBeHidden();
}

/** Drags a bar's edge by whole week columns with the mouse. */
async function dragEdge(page: Page, handle: Locator, columns: number) {
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (columns * columnWidth) / 2, y, { steps: 4 });
  await page.mouse.move(x + columns * columnWidth, y, { steps: 4 });
  await page.mouse.up();
}

test('people: a week over-allocated shows "over" in another editor’s browser live, and dragging a bar’s edge makes it healthy', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const { context: theirs, page: other } = await signedUpContext(browser, baseURL!, teammate);
  const suffix = owner.name.split(' ')[1]!;
  const atlas = `Atlas ${suffix}`;
  const beacon = `Beacon ${suffix}`;
  await createProject(page, beacon);
  const atlasId = await createProject(page, atlas);
  await addMember(page, atlasId, teammate, 'Editor');

  await openPeople(page, atlasId);
  const ann = `Ann ${suffix}`;
  const bo = `Bo ${suffix}`;
  await addPerson(page, ann, 40);
  await addPerson(page, bo, 32, 'Designer');
  await expect(page.getByRole('list', { name: 'Skills' })).toHaveCount(0);

  // Ann: Atlas at 36 h from this week for four weeks (90%: healthy).
  await allocateFromCell(page, cell(page, ann, 0), atlas, 36);
  await expect(cell(page, ann, 0)).toHaveAttribute('data-band', 'healthy');
  await expect(cell(page, ann, 3)).toHaveAttribute('data-band', 'healthy');

  // The teammate opens the grid in a second browser and sees it as it is.
  await openPeople(other, atlasId);
  await expect(cell(other, ann, 3)).toHaveAttribute('data-band', 'healthy');
  await expect(page.getByRole('group', { name: new RegExp(`^On the grid: .*${teammate.name}`) })).toBeVisible();

  // Ann: Beacon at 16 h from week 3 for four weeks: week 3 is 52 of 40 h, over.
  await allocateFromCell(page, cell(page, ann, 3), beacon, 16);
  await expect(cell(page, ann, 3)).toHaveAttribute('data-band', 'over');
  await expect(cell(page, ann, 3)).toHaveAccessibleName(new RegExp(`130%, over: 52 of 40 h.*${atlas} 36 h, ${beacon} 16 h`));
  // ... and the teammate's grid follows without a reload.
  await expect(cell(other, ann, 3)).toHaveAttribute('data-band', 'over');
  await expect(cell(other, ann, 3)).toContainText('130%');

  // Presence: the cell the teammate focuses is marked on the owner's grid, by name.
  await cell(other, ann, 3).focus();
  await expect(cell(page, ann, 3)).toHaveAccessibleName(new RegExp(`; ${teammate.name} here$`));
  await expect(personRow(page, ann).getByRole('rowheader')).toContainText(`${teammate.name} here`);

  // Hovering the cell names the projects behind it.
  await cell(page, ann, 3).hover();
  await expect(page.getByTestId('cell-details')).toContainText(`${atlas} 36 h, ${beacon} 16 h`);

  // Fix: drag the start of Beacon one week later; week 3 is Atlas alone again.
  const beaconStart = page.getByRole('slider', { name: `Start of ${beacon} for ${ann}` });
  await dragEdge(page, beaconStart, 1);
  await expect(cell(page, ann, 3)).toHaveAttribute('data-band', 'healthy');
  await expect(cell(page, ann, 4)).toHaveAttribute('data-band', 'under');
  await expect(cell(other, ann, 3)).toHaveAttribute('data-band', 'healthy');
  await expect(cell(other, ann, 3)).toContainText('90%');

  await theirs.close();
  await context.close();
});

test('people: the grid works from the keyboard alone, from adding a person to moving a bar’s edge', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const suffix = owner.name.split(' ')[1]!;
  const project = `Keys ${suffix}`;
  const projectId = await createProject(page, project);
  await openPeople(page, projectId);

  // Add a person: Tab to the button, Enter, type, Enter.
  await tabTo(page, page.getByRole('button', { name: 'Add person', exact: true }), 150);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Add person' });
  await expect(form.getByLabel('Name')).toBeFocused();
  const cy = `Cy ${suffix}`;
  await page.keyboard.type(cy);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Data engineer');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('40');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Python');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('list', { name: 'Skills' }).getByText('Python')).toBeVisible();
  await page.keyboard.press('Enter');
  // Enter in the skills field adds the skill only; the form is sent with its button.
  await expect(personRow(page, cy)).toHaveCount(0);
  await tabTo(page, form.getByRole('button', { name: 'Add person' }));
  await page.keyboard.press('Enter');
  await expect(personRow(page, cy)).toBeVisible();

  // The grid's cells are one tab stop: reach it, move right a week, Enter opens a new allocation there.
  await tabTo(page, cell(page, cy, 0), 150);
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, cy, 1)).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New allocation' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByLabel('Hours a week'));
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus goes back to the cell that opened the dialog.
  await expect(cell(page, cy, 1)).toBeFocused();
  await expect(cell(page, cy, 1)).toHaveAttribute('data-band', 'under');
  await expect(cell(page, cy, 0)).toHaveAttribute('data-allocated', 'no');
  await expect(cell(page, cy, 5)).toHaveAttribute('data-allocated', 'no');

  // The bar's end edge: Tab to it, two weeks later with the arrow key, Enter saves.
  const end = page.getByRole('slider', { name: `End of ${project} for ${cy}` });
  await tabTo(page, end);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(end).toHaveAttribute('aria-valuetext', /not saved/);
  await page.keyboard.press('Enter');
  await expect(cell(page, cy, 5)).toHaveAttribute('data-allocated', 'yes');
  await expect(cell(page, cy, 6)).toHaveAttribute('data-allocated', 'yes');
  await expect(end).not.toHaveAttribute('aria-valuetext', /not saved/);

  // Escape puts a moved edge back without saving.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(end).toHaveAttribute('aria-valuenow', '6');
  await context.close();
});

test('people: the server’s refusals show inline, nothing is saved', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, `Refusals ${owner.name.split(' ')[1]}`);
  await openPeople(page, projectId);
  await page.getByRole('button', { name: 'Add person', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add person' });
  await form.getByLabel('Name').fill('Nobody');
  await form.getByLabel('Weekly hours').fill('200');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByRole('alert')).toContainText('at most 168');
  await expect(personRow(page, 'Nobody')).toHaveCount(0);
  await context.close();
});

test('people: a project viewer reads the grid without controls, a stranger gets a 404', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const viewer = newPerson('viewer');
  const stranger = newPerson('stranger');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const { context: viewerContext, page: viewerPage } = await signedUpContext(browser, baseURL!, viewer);
  const { context: strangerContext, page: strangerPage } = await signedUpContext(browser, baseURL!, stranger);
  const projectId = await createProject(page, `Read only ${owner.name.split(' ')[1]}`);
  await addMember(page, projectId, viewer, 'Viewer');
  await openPeople(page, projectId);
  await addPerson(page, `Di ${owner.name.split(' ')[1]}`, 40);
  const address = page.url();

  await viewerPage.goto(address);
  await expect(viewerPage.getByText('Read only', { exact: false }).first()).toBeVisible();
  await expect(personRow(viewerPage, `Di ${owner.name.split(' ')[1]}`)).toBeVisible();
  await expect(viewerPage.getByRole('button', { name: 'Add person', exact: true })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Add allocation' })).toHaveCount(0);

  const response = await strangerPage.goto(address);
  expect(response?.status()).toBe(404);
  await Promise.all([context.close(), viewerContext.close(), strangerContext.close()]);
});

test('people: a staffing need shows its gap, and a what-if scenario shows the weeks it changes, then applies in one step', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const suffix = owner.name.split(' ')[1]!;
  const project = `Whatif ${suffix}`;
  const projectId = await createProject(page, project);
  await openPeople(page, projectId);
  const workspaceId = page.url().match(/\/w\/([0-9a-f-]{36})\//)![1]!;
  const call = async (procedure: string, json: unknown) => {
    const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json }, headers: { origin: baseURL! } });
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
  };
  // Two allocations of Eve from this week: 30 h and 20 h, 125%.
  const eve = `Eve ${suffix}`;
  const person = await call('people.add', { workspaceId, name: eve, weeklyHours: 40, skills: ['Go'] });
  // From this week's Monday (the grid's first column, as the server counts it: UTC), so every week is whole.
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7))).toISOString().slice(0, 10);
  await call('allocation.upsert', { personId: person.id, projectId, from: monday, to: '2099-12-31', hoursPerWeek: 30 });
  await call('allocation.upsert', { personId: person.id, projectId, from: monday, to: '2099-12-31', hoursPerWeek: 20 });
  await expect(cell(page, eve, 0)).toHaveAttribute('data-band', 'over');

  // A need for two Go people at 40 h over four weeks: Eve's 50 h leave it 30 h short each week.
  const need = page.getByRole('form', { name: 'Add staffing need' });
  await need.getByLabel('Skill needed').fill('Go');
  await need.getByLabel('People', { exact: true }).fill('2');
  await need.getByLabel('Hours/week each').fill('40');
  await need.getByLabel('Needed from', { exact: true }).fill(monday);
  await need.getByLabel('Needed from', { exact: true }).press('Enter');
  const fourWeeksOn = new Date(Date.parse(`${monday}T00:00:00Z`) + 27 * 86_400_000).toISOString().slice(0, 10);
  await need.getByLabel('Needed until', { exact: true }).fill(fourWeeksOn);
  await need.getByLabel('Needed until', { exact: true }).press('Enter');
  await need.getByRole('button', { name: 'Add need' }).click();
  await expect(page.getByRole('listitem', { name: `Go on ${project}` })).toContainText('2 × Go');
  await expect(page.getByTestId('need-summary')).toHaveText('Short in 4 weeks of 4 shown (up to 30 h).');
  const gap = page.getByTestId('gap-row');
  await expect(gap).toHaveCount(1);
  await expect(gap.locator('td').first()).toHaveAttribute('data-gap', 'short');
  await expect(gap.locator('td').first()).toHaveAccessibleName(`${project}: 2 × Go, week of ${formatDay(monday)}: short 30 h`);
  await expect(gap.locator('td').nth(4)).not.toHaveAttribute('data-gap', /./);

  // What-if: remove the 20 h allocation; this week would read 75% under.
  await page.getByRole('textbox', { name: 'New scenario' }).fill('Drop the small one');
  await page.getByRole('button', { name: 'Create scenario' }).click();
  const changeForm = page.getByRole('form', { name: 'Add a change' });
  await changeForm.getByLabel('Change', { exact: true }).selectOption({ label: 'Remove an allocation' });
  await changeForm.getByLabel('Allocation', { exact: true }).selectOption({ label: `${eve} on ${project} (20 h/wk, ${formatDay(monday)} – 31 Dec 2099)` });
  await changeForm.getByRole('button', { name: 'Add change' }).click();
  const changed = page.getByTestId('changed-cell').first();
  await expect(changed).toContainText('125% over');
  await expect(changed).toContainText('75% under');
  await expect(changed).toContainText('−20 h');
  // Weeks are named by their Monday; the ISO code stays in a data attribute.
  await expect(changed).toContainText(formatDay(monday));
  await expect(page.getByTestId('scenario')).not.toContainText(/\d{4}-W\d{2}/);
  // Nothing changed on the grid yet.
  await expect(cell(page, eve, 0)).toHaveAttribute('data-band', 'over');

  await page.getByRole('button', { name: 'Apply scenario' }).click();
  await expect(page.getByText('“Drop the small one” is applied')).toBeVisible();
  await expect(cell(page, eve, 0)).toHaveAttribute('data-band', 'under');
  await expect(cell(page, eve, 0)).toContainText('75%');
  await context.close();
});
