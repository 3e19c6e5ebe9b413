// Meeting boards end to end (issue 14), with three people in one meeting, each in a browser
// context of their own: the facilitator runs the agenda, two people write the notes at once, a
// decision and an action are recorded and flow into the decision log, the owner's /actions and the
// next meeting's agenda; ending the meeting freezes the notes.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addItem, addMember, createProject, editor, newPerson, openBoard, row, signedUpContext } from './support';

const boardLive = (page: Page) => expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
const notes = (page: Page) => page.getByRole('textbox', { name: 'Meeting notes' });
const currentItem = (page: Page) => page.getByTestId('current-item');

/** Creates a meeting of the weekly sync series; without a title, the form is filled from the series' previous meeting. */
async function createMeeting(page: Page, projectId: string, title: string | null) {
  await page.goto(`/p/${projectId}/meetings`);
  const form = page.getByRole('form', { name: 'New meeting' });
  await form.getByLabel('Series').selectOption({ label: 'Risk review' });
  await form.getByLabel('Series').selectOption({ label: 'Weekly sync' });
  if (title) await form.getByLabel('Title').fill(title);
  else await expect(form.getByRole('status')).toHaveText('Filled in from the previous weekly sync.');
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await boardLive(page);
  return page.url().split('/').pop()!;
}

async function addAgendaItem(page: Page, title: string) {
  await page.getByLabel('New agenda item').fill(title);
  await page.getByLabel('New agenda item').press('Enter');
  await expect(page.getByRole('listitem', { name: new RegExp(`^Item \\d+: ${title}`) })).toBeVisible();
}

test('meetings: three people run one meeting; its decision and action reach the log, the owner’s list and the next meeting', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const facilitatorPerson = newPerson('owner');
  const writerPerson = newPerson('editor');
  const actionOwnerPerson = newPerson('editor');
  const facilitator = await signedUpContext(browser, baseURL!, facilitatorPerson);
  const writer = await signedUpContext(browser, baseURL!, writerPerson);
  const actionOwner = await signedUpContext(browser, baseURL!, actionOwnerPerson);

  const projectId = await createProject(facilitator.page, 'Payments migration');
  await addMember(facilitator.page, projectId, writerPerson, 'Editor');
  await addMember(facilitator.page, projectId, actionOwnerPerson, 'Editor');
  await openBoard(facilitator.page, projectId);
  const risk = 'Card vendor sunsets API v2';
  await addItem(facilitator.page, risk, 4, 4);

  const meetingId = await createMeeting(facilitator.page, projectId, 'Weekly sync 1');
  await addAgendaItem(facilitator.page, 'Status round');
  await addAgendaItem(facilitator.page, 'Vendor risk');

  const boardPath = `/p/${projectId}/meetings/${meetingId}`;
  for (const { page } of [writer, actionOwner]) {
    await page.goto(boardPath);
    await boardLive(page);
  }

  // The facilitator runs the agenda; the others see the current item change.
  await facilitator.page.getByRole('button', { name: 'Run the agenda' }).click();
  for (const { page } of [writer, actionOwner]) await expect(currentItem(page)).toContainText('Status round');
  await expect(actionOwner.page.getByRole('listitem', { name: 'Item 1: Status round (current)' })).toBeVisible();
  await facilitator.page.getByRole('button', { name: 'Next item' }).click();
  for (const { page } of [writer, actionOwner]) await expect(currentItem(page)).toContainText('Vendor risk');
  await expect(actionOwner.page.getByRole('listitem', { name: 'Item 2: Vendor risk (current)' })).toBeVisible();
  await expect(actionOwner.page.getByTestId('agenda-timer').first()).toBeVisible();

  // Two people write in the notes at once; everyone ends with both texts, and sees the others' carets by name.
  await notes(facilitator.page).click();
  await notes(writer.page).click();
  await Promise.all([
    notes(facilitator.page).pressSequentially('Vendor confirmed the sunset date.', { delay: 15 }),
    notes(writer.page).pressSequentially('Finance wants a cost estimate.', { delay: 15 }),
  ]);
  for (const { page } of [facilitator, writer, actionOwner]) {
    await expect(notes(page)).toContainText('Vendor confirmed the sunset date.');
    await expect(notes(page)).toContainText('Finance wants a cost estimate.');
  }
  const carets = actionOwner.page.locator('.collaboration-carets__label');
  await expect(carets.filter({ hasText: facilitatorPerson.name })).toBeVisible();
  await expect(carets.filter({ hasText: writerPerson.name })).toBeVisible();

  // The writer records a decision on the risk and an action for the third person.
  const decision = 'Move card payments to API v3 before the cut-over';
  await writer.page.getByLabel('New decision').fill(decision);
  await writer.page.getByRole('button', { name: 'Record' }).click();
  await writer.page.getByLabel('Link decision 1 to an item').selectOption({ label: risk });
  await expect(actionOwner.page.getByTestId('decision').getByTestId('linked-item')).toContainText(risk);
  const action = 'Send the API v3 migration plan';
  await writer.page.getByLabel('New action').fill(action);
  await writer.page.getByRole('button', { name: 'Add', exact: true }).last().click();
  await writer.page.getByLabel('Owner of action 1').selectOption({ label: actionOwnerPerson.name });
  await expect(actionOwner.page.getByLabel('Owner of action 1')).toHaveValue(/.+/);

  // The action is in its owner's own list across projects.
  const mine = await actionOwner.context.newPage();
  await expect(async () => {
    await mine.goto('/actions');
    await expect(mine.getByTestId('action-row').filter({ hasText: action })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The decision is in the decision log, filtered by the risk it concerns.
  await expect(async () => {
    await mine.goto(`/p/${projectId}/decisions`);
    await mine.getByLabel('Filter by linked item').selectOption({ label: `RAID item: ${risk}` }, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(mine.getByTestId('decision-row')).toHaveCount(1);
  await expect(mine.getByTestId('decision-row')).toContainText(decision);

  // And on the risk's own detail.
  await openBoard(mine, projectId);
  await row(mine, risk).getByRole('button', { name: risk, exact: true }).click();
  await expect(editor(mine).getByRole('list', { name: 'Decisions, newest first' })).toContainText(decision);

  // Ending the meeting freezes the notes for everyone.
  await facilitator.page.getByRole('button', { name: 'End meeting' }).click();
  await facilitator.page.getByRole('button', { name: 'End meeting' }).last().click();
  await expect(facilitator.page.getByText('This meeting has ended')).toBeVisible();
  // The minutes, exported as Markdown, hold the decision.
  const download = facilitator.page.waitForEvent('download');
  await facilitator.page.getByRole('link', { name: 'Export minutes (Markdown)' }).click();
  expect(await readFile((await (await download).path())!, 'utf8')).toContain(decision);
  for (const { page } of [facilitator, writer]) {
    await expect(page.getByText('This meeting has ended')).toBeVisible();
    await expect(notes(page)).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByLabel('New decision')).toHaveCount(0);
  }

  // The next meeting of the series carries the open action into its agenda.
  await createMeeting(facilitator.page, projectId, null);
  await expect(facilitator.page.getByRole('heading', { name: 'Weekly sync 1' })).toBeVisible();
  await expect(facilitator.page.getByRole('listitem', { name: /^Item 1: Open actions/ })).toBeVisible();
  await expect(facilitator.page.getByRole('list', { name: 'Carried open actions' })).toContainText(action);

  for (const { context } of [facilitator, writer, actionOwner]) await context.close();
});

test('meetings: the agenda is reordered from the keyboard, and a viewer follows it read-only', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ownerPerson = newPerson('owner');
  const viewerPerson = newPerson('viewer');
  const owner = await signedUpContext(browser, baseURL!, ownerPerson);
  const viewer = await signedUpContext(browser, baseURL!, viewerPerson);
  const projectId = await createProject(owner.page, 'Keyboard meeting');
  await addMember(owner.page, projectId, viewerPerson, 'Viewer');

  const meetingId = await createMeeting(owner.page, projectId, 'Risk walk');
  for (const title of ['Welcome', 'Budget', 'Hiring']) await addAgendaItem(owner.page, title);
  await viewer.page.goto(`/p/${projectId}/meetings/${meetingId}`);
  await boardLive(viewer.page);
  const order = (page: Page) => page.getByRole('list', { name: 'Agenda items' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-labelledby') && document.getElementById(i.getAttribute('aria-labelledby')!)?.textContent));

  // Alt+ArrowUp on "Hiring" moves it above "Budget", for everyone.
  await owner.page.getByLabel('Title of agenda item 3').focus();
  await owner.page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => order(viewer.page)).toEqual(['Item 1: Welcome', 'Item 2: Hiring', 'Item 3: Budget']);
  // The drag handle with the keyboard: Space picks up, arrow moves, Space drops.
  const handle = owner.page.getByRole('button', { name: /^Move Welcome/ });
  await handle.focus();
  await owner.page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await owner.page.keyboard.press('ArrowDown');
  // Each step is announced to screen readers.
  await expect(owner.page.getByRole('status').filter({ hasText: 'Welcome is now at position 2 of 3.' })).toBeAttached();
  await owner.page.keyboard.press('Space');
  await expect.poll(() => order(viewer.page)).toEqual(['Item 1: Hiring', 'Item 2: Welcome', 'Item 3: Budget']);

  // The viewer reads everything and changes nothing.
  await expect(viewer.page.getByLabel('Title of agenda item 1')).toBeDisabled();
  await expect(viewer.page.getByRole('textbox', { name: 'Meeting notes' })).toHaveAttribute('contenteditable', 'false');
  await expect(viewer.page.getByLabel('New agenda item')).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Run the agenda' })).toHaveCount(0);

  for (const { context } of [owner, viewer]) await context.close();
});
