// Dates end to end: a date typed key by key into a milestone or a risk's due date is saved once,
// complete (never a half-typed date on the live board or in the date history), years outside
// 1900-2999 and unreadable dates show a message and change nothing, the calendar works from the
// keyboard; and two people dragging the same milestone see the same date within a second, the
// other's move flashing, with both moves in the date history.
import { expect, test, type Page } from '@playwright/test';
import { addMember, createProject, editor, field, newPerson, openBoard, signedUpContext } from './support';

async function openPlan(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

const bar = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function addMilestone(page: Page, title: string, date: string) {
  await page.getByLabel('Milestone title').fill(title);
  await page.getByLabel('Milestone date').fill(date);
  await page.getByRole('button', { name: 'Add milestone' }).click();
}

/**
 * Starts keeping every value `attribute` of the elements matching `selector` takes on the page
 * (checked on every DOM change), so a test can say no other value was ever shown.
 */
async function recordValues(page: Page, selector: string, attribute: string) {
  await page.evaluate(
    ({ selector, attribute }) => {
      const seen = new Set<string>();
      const read = () => document.querySelectorAll(selector).forEach((el) => seen.add(el.getAttribute(attribute) ?? ''));
      read();
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { seenValues: Set<string> }).seenValues = seen;
    },
    { selector, attribute },
  );
  return async () => page.evaluate(() => [...(window as unknown as { seenValues: Set<string> }).seenValues].sort());
}

test('dates: a milestone date typed key by key is saved once, complete; bad years and unreadable dates change nothing', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const a = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(a.page, 'Date typing');
  const page = a.page;
  await openPlan(page, projectId);
  await addMilestone(page, 'Go-live', '2026-02-05');
  await expect(bar(page, 'Milestone Go-live, 5 Feb 2026')).toBeVisible();
  const changes = page.getByRole('list', { name: 'Date changes' });
  await expect(changes).toContainText('Go-live: Created (due 5 Feb 2026)', { timeout: 15_000 });

  const seenBars = await recordValues(page, '[data-testid="timeline-bar"]', 'aria-label');
  await page.getByRole('button', { name: 'Go-live', exact: true }).click();
  const date = page.getByLabel('Date', { exact: true });
  await expect(date).toHaveValue('5 Feb 2026');
  await date.clear();
  await date.pressSequentially('30 Dec 2026', { delay: 40 });
  // Nothing is saved while typing.
  await expect(bar(page, 'Milestone Go-live, 5 Feb 2026')).toBeVisible();
  await date.press('Enter');
  await expect(bar(page, 'Milestone Go-live, 30 Dec 2026')).toBeVisible();
  await expect(date).toHaveValue('30 Dec 2026');

  // A year outside 1900-2999: a message, the field marked invalid, the saved date untouched; Escape undoes.
  await date.clear();
  await date.pressSequentially('15 Dec 0006');
  await date.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The year 0006 is outside 1900–2999.' })).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await date.press('Escape');
  await expect(date).toHaveValue('30 Dec 2026');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');

  // The same on leaving the field (Tab), for 3500 and for the month-first form that is not read.
  for (const [typed, message] of [
    ['3500-01-01', 'The year 3500 is outside 1900–2999.'],
    ['12/30/2026', '“12/30/2026” is not a date Waymark can read. Type a date like 5 Feb 2027 or 2027-02-05.'],
  ] as const) {
    await date.clear();
    await date.pressSequentially(typed);
    await date.press('Tab');
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(bar(page, 'Milestone Go-live, 30 Dec 2026')).toBeVisible();
    await date.press('Escape');
    await expect(date).toHaveValue('30 Dec 2026');
  }

  // The calendar from the keyboard, on a 390 px phone: it opens on the saved day, inside the
  // screen; one day on, Enter picks it.
  await page.setViewportSize({ width: 390, height: 844 });
  await date.locator('xpath=..').getByRole('button', { name: 'Calendar' }).click();
  const calendar = page.getByRole('dialog', { name: 'Choose a date' });
  await expect(calendar).toBeVisible();
  const box = (await calendar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(calendar.getByRole('button', { name: /December 30th, 2026/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(bar(page, 'Milestone Go-live, 31 Dec 2026')).toBeVisible();
  await expect(date).toHaveValue('31 Dec 2026');

  // The live board never showed a half-typed date, and the history has exactly the two real moves.
  expect(await seenBars()).toEqual(['Milestone Go-live, 30 Dec 2026', 'Milestone Go-live, 31 Dec 2026', 'Milestone Go-live, 5 Feb 2026']);
  await expect(changes).toContainText('Go-live: Date 30 Dec 2026 → 31 Dec 2026', { timeout: 15_000 });
  await expect(changes.getByRole('listitem').filter({ hasText: 'Go-live: Date' })).toHaveText([
    new RegExp(`^Go-live: Date 30 Dec 2026 → 31 Dec 2026 by ${owner.name}`),
    new RegExp(`^Go-live: Date 5 Feb 2026 → 30 Dec 2026 by ${owner.name}`),
  ]);
  await a.context.close();
});

test('dates: a risk due date typed key by key is saved once; year 0006 shows a message and changes nothing', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const a = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(a.page, 'Due dates');
  const page = a.page;
  await openBoard(page, projectId);
  const seenDue = await recordValues(page, 'table time[datetime]', 'datetime');

  await page.getByRole('button', { name: 'New item' }).click();
  await expect(editor(page)).toBeVisible();
  await field(page, 'Title').fill('Vendor contract slips');
  const due = field(page, 'Due date');
  await due.pressSequentially('15 Dec 2026', { delay: 40 });
  await due.press('Tab');
  await expect(due).toHaveValue('15 Dec 2026');
  await expect(page.locator('time[datetime="2026-12-15"]')).toBeVisible();

  await due.clear();
  await due.pressSequentially('15 Dec 0006');
  await due.press('Enter');
  await expect(editor(page).getByRole('alert').filter({ hasText: 'The year 0006 is outside 1900–2999.' })).toBeVisible();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await due.press('Escape');
  await expect(due).toHaveValue('15 Dec 2026');
  // The board never showed another due date (no half-typed one, no year 0006).
  expect(await seenDue()).toEqual(['2026-12-15']);
  // Reloaded from the server: still the date that was typed whole.
  await page.reload();
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await expect(page.locator('time[datetime="2026-12-15"]')).toBeVisible();
  await a.context.close();
});

test('dates: two people drag the same milestone; both screens show the last drop within a second and the other move flashes', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(a.page, 'Two drags');
  await addMember(a.page, projectId, teammate, 'Editor');
  await openPlan(a.page, projectId);
  await openPlan(b.page, projectId);
  await addMilestone(a.page, 'Cut-over', '2027-01-15');
  await expect(bar(b.page, 'Milestone Cut-over, 15 Jan 2027')).toBeVisible();

  // Weeks zoom: 18 px a day. Both pick the milestone up; the owner drops it 14 days earlier while
  // the teammate is still dragging it 7 days later.
  const pickUp = async (page: Page) => {
    const target = bar(page, 'Milestone Cut-over, 15 Jan 2027');
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    return at;
  };
  const dragTo = async (page: Page, from: { x: number; y: number }, days: number) => {
    for (let step = 1; step <= 6; step++) await page.mouse.move(from.x + (days * 18 * step) / 6, from.y);
  };
  const onA = await pickUp(a.page);
  const onB = await pickUp(b.page);
  await dragTo(a.page, onA, -14);
  await dragTo(b.page, onB, 7);
  await expect(bar(b.page, 'Milestone Cut-over, 22 Jan 2027')).toBeVisible();
  await a.page.mouse.up();
  await expect(bar(a.page, 'Milestone Cut-over, 1 Jan 2027')).toBeVisible();
  // The owner's drop reaches the teammate mid-drag (announced), without moving the bar under their pointer.
  await expect(b.page.getByTestId('moved-by-others')).toContainText('Cut-over was moved to 1 Jan 2027');
  await expect(bar(b.page, 'Milestone Cut-over, 22 Jan 2027')).toBeVisible();
  await b.page.mouse.up();

  // Both screens show the teammate's drop, and on the owner's it flashes (how fast is the bench's job).
  await expect(bar(b.page, 'Milestone Cut-over, 22 Jan 2027')).toBeVisible();
  await expect(bar(a.page, 'Milestone Cut-over, 22 Jan 2027')).toBeVisible();
  await expect(bar(a.page, 'Milestone Cut-over, 22 Jan 2027')).toHaveAttribute('data-moved-by-other', 'true');
  await expect(a.page.getByTestId('moved-by-others')).toContainText('Cut-over was moved to 22 Jan 2027');

  // Both moves are in the date history, each with its author.
  const changes = a.page.getByRole('list', { name: 'Date changes' });
  await expect(changes.getByRole('listitem').filter({ hasText: 'Cut-over: Date' })).toHaveText(
    [new RegExp(`^Cut-over: Date 1 Jan 2027 → 22 Jan 2027 by ${teammate.name}`), new RegExp(`^Cut-over: Date 15 Jan 2027 → 1 Jan 2027 by ${owner.name}`)],
    { timeout: 15_000 },
  );
  await a.context.close();
  await b.context.close();
});
