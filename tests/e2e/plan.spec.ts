// The live plan end to end: two editors plan together (a milestone and a dependency appear live,
// a drag moves the milestone and flags the dependent), a loop is refused, a viewer cannot drag,
// and the milestones calendar parses (with the session, and with the owner's rotatable token).
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { addMember, createProject, newPerson, signedUpContext } from './support';

async function openPlan(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

const bar = (page: Page, name: RegExp | string) => page.getByRole('button', { name });

async function addWorkstream(page: Page, title: string, start: string, end: string) {
  await page.getByLabel('Workstream title').fill(title);
  await page.getByLabel('Workstream start').fill(start);
  await page.getByLabel('Workstream end').fill(end);
  await page.getByRole('button', { name: 'Add workstream' }).click();
}

async function addMilestone(page: Page, title: string, date: string) {
  await page.getByLabel('Milestone title').fill(title);
  await page.getByLabel('Milestone date').fill(date);
  await page.getByRole('button', { name: 'Add milestone' }).click();
}

/** Drags an element horizontally by `dx` pixels with the mouse (pointer events). */
async function dragBy(page: Page, target: ReturnType<Page['getByRole']>, dx: number) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 6; step++) await page.mouse.move(x + (dx * step) / 6, y);
  await page.mouse.up();
}

test('plan: two editors plan together; a dragged milestone flags its dependent live', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(a.page, 'Checkout revamp');
  await addMember(a.page, projectId, teammate, 'Editor');
  await openPlan(a.page, projectId);
  await openPlan(b.page, projectId);
  await expect(a.page.getByRole('group', { name: new RegExp(`On this plan: .*${teammate.name}`) })).toBeVisible();

  await addWorkstream(a.page, 'Build checkout', '2027-01-04', '2027-01-29');
  await addMilestone(a.page, 'Public launch', '2027-02-05');
  await a.page.getByLabel('Finishes first').selectOption({ label: 'Build checkout' });
  await a.page.getByLabel('Then starts').selectOption({ label: 'Public launch' });
  await a.page.getByRole('button', { name: 'Add dependency' }).click();
  await expect(a.page.getByRole('status').filter({ hasText: '“Public launch” now starts after “Build checkout” ends.' })).toBeVisible();

  // The teammate sees both and the dependency without reloading.
  const launchOnB = bar(b.page, 'Milestone Public launch, 5 Feb 2027');
  await expect(launchOnB).toBeVisible();
  await expect(b.page.getByRole('list', { name: 'Dependencies' })).toContainText('“Public launch” starts after “Build checkout” ends');
  await expect(b.page.getByTestId('flagged-dependent')).toHaveCount(0);

  // A loop is refused with the items it would connect.
  await a.page.getByLabel('Finishes first').selectOption({ label: 'Public launch' });
  await a.page.getByLabel('Then starts').selectOption({ label: 'Build checkout' });
  await a.page.getByRole('button', { name: 'Add dependency' }).click();
  await expect(a.page.getByRole('alert').filter({ hasText: 'Not added.' })).toHaveText(
    'Not added. This dependency would create a loop: “Public launch” → “Build checkout” → “Public launch”. Remove one of these dependencies first.',
  );

  // The teammate drags the milestone two weeks earlier (weeks zoom: 18 px a day).
  await dragBy(b.page, launchOnB, -14 * 18);
  await expect(bar(b.page, 'Milestone Public launch, 22 Jan 2027')).toBeVisible();
  await expect(bar(a.page, 'Milestone Public launch, 22 Jan 2027')).toBeVisible();
  for (const page of [a.page, b.page]) {
    await expect(page.getByTestId('flagged-dependent')).toHaveText('Starts before “Build checkout” ends');
  }

  // The move is recorded with who made it (before anyone else moves it again).
  const changes = a.page.getByRole('list', { name: 'Date changes' });
  await expect(changes).toContainText(`Public launch: Date 5 Feb 2027 → 22 Jan 2027 by ${teammate.name}`, { timeout: 15_000 });
  // A milestone is one date: its move is listed once, without a separate start change.
  await expect(changes).not.toContainText('Public launch: Start');

  // The keyboard does the same: a week later with Page Down, and the flag clears.
  await bar(a.page, 'Milestone Public launch, 22 Jan 2027').focus();
  await a.page.keyboard.press('PageDown');
  await a.page.keyboard.press('PageDown');
  await expect(bar(b.page, 'Milestone Public launch, 5 Feb 2027')).toBeVisible();
  await expect(b.page.getByTestId('flagged-dependent')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});

test('plan: a viewer follows the plan but cannot drag or add; the calendar parses with the session and with the feed token', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const viewer = newPerson('viewer');
  const a = await signedUpContext(browser, baseURL!, owner);
  const v = await signedUpContext(browser, baseURL!, viewer);
  const projectId = await createProject(a.page, 'Data centre move');
  await addMember(a.page, projectId, viewer, 'Viewer');
  await openPlan(a.page, projectId);
  await addMilestone(a.page, 'Racks installed', '2027-03-10');
  await expect(bar(a.page, 'Milestone Racks installed, 10 Mar 2027')).toBeVisible();

  await openPlan(v.page, projectId);
  const racks = bar(v.page, 'Milestone Racks installed, 10 Mar 2027');
  await expect(racks).toBeVisible();
  await expect(v.page.getByRole('button', { name: 'Add milestone' })).toHaveCount(0);
  await dragBy(v.page, racks, 10 * 18);
  await racks.focus();
  await v.page.keyboard.press('ArrowRight');
  // The owner's edit still arrives (the viewer is live), and the viewer's attempts changed nothing.
  await a.page.getByRole('button', { name: 'Racks installed', exact: true }).click();
  await a.page.getByLabel('Title', { exact: true }).fill('Racks installed and cabled');
  await expect(bar(v.page, 'Milestone Racks installed and cabled, 10 Mar 2027')).toBeVisible();
  await expect(bar(a.page, 'Milestone Racks installed and cabled, 10 Mar 2027')).toBeVisible();

  // The calendar with the viewer's session.
  const parse = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => {
      const event = new ICAL.Event(e);
      return [event.summary, event.startDate.toString()];
    });
  const bySession = await v.page.request.get(`/p/${projectId}/milestones.ics`);
  expect(bySession.status()).toBe(200);
  expect(bySession.headers()['content-type']).toContain('text/calendar');
  await expect.poll(async () => parse(await (await v.page.request.get(`/p/${projectId}/milestones.ics`)).text())).toEqual([
    ['Racks installed and cabled', '2027-03-10'],
  ]);

  // The owner's secret address works without a session, and stops working once rotated.
  const address = a.page.getByLabel(/Subscription address/);
  await expect(address).toHaveValue(/milestones\.ics\?token=/);
  const oldUrl = await address.inputValue();
  const anonymous = await browser.newContext();
  const byToken = await anonymous.request.get(oldUrl);
  expect(byToken.status()).toBe(200);
  expect(parse(await byToken.text())).toEqual([['Racks installed and cabled', '2027-03-10']]);
  expect((await anonymous.request.get(`/p/${projectId}/milestones.ics`)).status()).toBe(404);
  await a.page.getByRole('button', { name: 'Rotate address' }).click();
  await expect(address).not.toHaveValue(oldUrl);
  expect((await anonymous.request.get(oldUrl)).status()).toBe(404);
  expect((await anonymous.request.get(await address.inputValue())).status()).toBe(200);
  await anonymous.close();
  await a.context.close();
  await v.context.close();
});

test('plan: a risk that threatens a milestone shows on that milestone, on a plan page left open', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Warehouse go-live');
  // The project's own address (linked from the projects list) opens its plan.
  await page.goto(`/p/${projectId}`);
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/plan$`));
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await addMilestone(page, 'Go-live', '2027-04-01');
  await expect(bar(page, 'Milestone Go-live, 1 Apr 2027')).toBeVisible();
  // A second tab keeps the plan open while the risk is linked from the risk board.
  const planTab = await context.newPage();
  await openPlan(planTab, projectId);
  await expect(bar(planTab, 'Milestone Go-live, 1 Apr 2027')).toBeVisible();

  // Wait until the projection has the milestone, then link a risk to it from the risk editor.
  await expect(async () => {
    await page.goto(`/p/${projectId}/risks`);
    await page.getByRole('button', { name: 'New item' }).click();
    await expect(page.getByRole('dialog').getByRole('checkbox', { name: 'Milestone: Go-live' })).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill('Scanner firmware not certified');
  await dialog.getByRole('group', { name: 'Threatens (plan milestones and workstreams)' }).getByRole('checkbox', { name: 'Milestone: Go-live' }).check();
  await page.keyboard.press('Escape');

  // The open plan reads the linked risks again every few seconds: no reload needed.
  await expect(planTab.getByTestId('timeline-row').filter({ hasText: 'Go-live' })).toContainText('1 risk', { timeout: 20_000 });
  await bar(planTab, 'Milestone Go-live, 1 Apr 2027').click();
  await expect(planTab.getByRole('region', { name: 'Edit Go-live' })).toContainText('Scanner firmware not certified', { timeout: 20_000 });
  await context.close();
});

test('plan: the roadmap opens with today in view when the plan began months ago', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Long-running migration');
  await openPlan(page, projectId);
  const daysFromNow = (days: number) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  // Five months of history put today far to the right of where the roadmap starts.
  await addWorkstream(page, 'Discovery', daysFromNow(-150), daysFromNow(-120));
  await addMilestone(page, 'Cut-over', daysFromNow(20));
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);
  await openPlan(page, projectId);
  await expect(page.getByTestId('today-line')).toBeInViewport();
  await context.close();
});
