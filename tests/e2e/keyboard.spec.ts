// What axe cannot see, from the keyboard and as a screen reader hears it: the skip link, a visible
// focus on every control in the Tab order, dialogs that give focus back, live regions that announce
// without taking focus, and the heat map as a table. Read-only checks run on the demo server
// (a11yPages.ts); checks that change a board use a new project on the main server. The risk
// editor's focus trap is tested in risk-editor.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { demoContext, liveConnectionSwitch, openDemoPath, type Who } from './a11yPages';
import { addItem, addMember, createProject, editor, field, newPerson, openBoard, row, signedUpContext, tabTo } from './support';

/**
 * The focused element (an id stable across calls, and a description) and whether it looks different
 * from an unfocused copy of itself: an outline or a ring. One round trip per Tab stop.
 */
async function focusShown(page: Page): Promise<{ id: number; what: string; shown: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const stops = ((window as unknown as { focusStops?: { ids: WeakMap<Element, number>; next: number } }).focusStops ??= { ids: new WeakMap(), next: 0 });
    if (!stops.ids.has(el)) stops.ids.set(el, stops.next++);
    const focused = getComputedStyle(el);
    const copy = el.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    el.after(copy);
    const plain = getComputedStyle(copy);
    const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 1 && focused.outlineStyle !== plain.outlineStyle;
    const ring = focused.boxShadow !== 'none' && focused.boxShadow !== plain.boxShadow;
    copy.remove();
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 50) ?? '';
    return { id: stops.ids.get(el)!, what: `${el.tagName.toLowerCase()} "${name}"`, shown: outline || ring };
  });
}

/** Presses Tab through the whole page (until focus comes round again) and lists the stops with no visible focus. */
async function unseenFocusStops(page: Page, limit = 200): Promise<string[]> {
  const unseen: string[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusShown(page);
    if (!stop) continue;
    if (seen.has(stop.id)) break;
    seen.add(stop.id);
    if (!stop.shown) unseen.push(stop.what);
  }
  expect(seen.size, 'the page has controls to Tab to').toBeGreaterThan(0);
  return unseen;
}

const focusPages: { name: string; who: Who; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'home', who: 'visitor', path: '/' },
  { name: 'sign in', who: 'visitor', path: '/sign-in' },
  { name: 'sign up', who: 'visitor', path: '/sign-up' },
  { name: 'public status page', who: 'visitor', path: '/status/atlas' },
  { name: 'projects', who: 'owner', path: '/projects' },
  { name: 'plan', who: 'owner', path: '/p/[projectId]/plan', ready: (page) => expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 45_000 }) },
  { name: 'risks', who: 'owner', path: '/p/[projectId]/risks', ready: (page) => expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 45_000 }) },
  { name: 'updates', who: 'owner', path: '/p/[projectId]/updates' },
  { name: 'members', who: 'owner', path: '/p/[projectId]/members' },
  { name: 'settings', who: 'owner', path: '/p/[projectId]/settings' },
  { name: 'people', who: 'owner', path: '/people?project=[projectId]', ready: (page) => expect(page.getByTestId('grid-live')).toHaveText('Live', { timeout: 45_000 }) },
  { name: 'tech', who: 'owner', path: '/p/[projectId]/tech', ready: (page) => expect(page.getByTestId('inventory-row').first()).toBeVisible() },
  { name: 'radar', who: 'owner', path: '/radar?project=[projectId]', ready: (page) => expect(page.getByTestId('blip-row').first()).toBeVisible() },
];

for (const { name, who, path, ready } of focusPages) {
  test(`keyboard: every control on ${name} shows where the focus is`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await demoContext(browser, who);
    const page = await context.newPage();
    await openDemoPath(page, path);
    await ready?.(page);
    expect(await unseenFocusStops(page)).toEqual([]);
    await context.close();
  });
}

test('keyboard: a tech item opens from the radar table with Enter, its dialog takes focus, and Escape gives focus back to its button', async ({ browser }) => {
  const context = await demoContext(browser, 'owner');
  const page = await context.newPage();
  await openDemoPath(page, '/p/[projectId]/tech');
  const open = page.getByTestId('blip-table').getByRole('button', { name: /^Move or edit moment/ });
  await tabTo(page, open, 120);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit moment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Edit moment' })).toBeFocused();
  await expect(dialog.getByTestId('ring-change').first()).toContainText('Adopt → Hold');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await context.close();
});

test('keyboard: the first Tab shows a skip link, and it moves focus to the main content', async ({ browser }) => {
  const context = await demoContext(browser, 'owner');
  const page = await context.newPage();
  await openDemoPath(page, '/p/[projectId]/updates');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(40);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next stop is inside the main content, past the top bar.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')) && document.activeElement !== document.querySelector('main'))).toBe(true);
  await context.close();
});

test('keyboard: a confirmation gives focus to its question’s answer, and Escape gives it back to the button that asked', async ({ browser }) => {
  const context = await demoContext(browser, 'owner');
  const page = await context.newPage();
  await openDemoPath(page, '/p/[projectId]/settings');
  const archive = page.getByRole('button', { name: 'Archive project' });
  const question = page.getByRole('group', { name: /^Archive it\?/ });
  // Enter on the server-rendered button does nothing until the page has hydrated: press it again
  // until the question opens (a loaded CI run pressed it too early).
  await expect(async () => {
    await archive.focus();
    await page.keyboard.press('Enter');
    await expect(question).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(question.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(archive).toBeFocused();
  await context.close();
});

test('keyboard: the calendar of a date opens with focus inside and Escape gives focus back to its button', async ({ browser }) => {
  const context = await demoContext(browser, 'owner');
  const page = await context.newPage();
  await openDemoPath(page, '/p/[projectId]/plan');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 45_000 });
  await page.getByTestId('timeline').getByRole('button', { name: 'Cut-over weekend' }).first().click();
  const calendarButton = page.getByRole('region', { name: /^Edit / }).getByRole('button', { name: 'Calendar' }).first();
  await calendarButton.focus();
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'Choose a date' });
  await expect(calendar).toBeVisible();
  await expect.poll(() => calendar.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(calendarButton).toBeFocused();
  await context.close();
});

test('screen reader: the heat map reads as a table of impact by likelihood with the same counts as its cells', async ({ browser }) => {
  const context = await demoContext(browser, 'viewer');
  const page = await context.newPage();
  await openDemoPath(page, '/p/[projectId]/risks');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 45_000 });
  const table = page.getByRole('table', { name: /^Heat map/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Likelihood 1', 'Likelihood 2', 'Likelihood 3', 'Likelihood 4', 'Likelihood 5']);
  await expect(table.getByRole('rowheader')).toHaveText(['Impact 5', 'Impact 4', 'Impact 3', 'Impact 2', 'Impact 1']);
  let total = 0;
  for (const impact of [5, 4, 3, 2, 1]) {
    const cells = table.getByRole('row', { name: new RegExp(`^Impact ${impact}\\b`) }).getByRole('cell');
    for (const likelihood of [1, 2, 3, 4, 5]) {
      const button = page.getByRole('button', { name: new RegExp(`^Likelihood ${likelihood}, impact ${impact}: `) });
      const count = (await button.getAttribute('aria-label'))!.split(': ')[1]!;
      await expect(cells.nth(likelihood - 1)).toHaveText(new RegExp(`^${count}, (Critical|High|Medium|Low)$`));
      total += Number(count.split(' ')[0]);
    }
  }
  expect(total, 'the demo has active items on the map').toBeGreaterThan(0);
  await expect(table.getByRole('row', { name: /^Impact 5\b/ }).getByRole('cell').nth(4)).toHaveText(/, Critical$/);
  await context.close();
});

test('live regions: "Saved" and "Offline" are announced politely while focus stays where it was', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const network = await liveConnectionSwitch(context);
  const projectId = await createProject(page, 'Announced saves');
  await openBoard(page, projectId);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  const newItem = page.getByRole('button', { name: 'New item' });
  await newItem.focus();
  await network.goOffline();
  await expect(status).toContainText('Offline');
  await expect(newItem).toBeFocused();
  network.goOnline();
  await expect(status).toHaveText('Saved', { timeout: 45_000 });
  await expect(newItem).toBeFocused();
  await context.close();
});

test('live regions: a change someone else makes to the item being edited is announced, and focus stays in the field', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(a.page, 'Announced changes');
  await addMember(a.page, projectId, teammate, 'Editor');
  await openBoard(a.page, projectId);
  await openBoard(b.page, projectId);
  const title = 'Vendor misses the firmware date';
  await addItem(a.page, title, 2, 3);

  await row(a.page, title).getByRole('button', { name: title, exact: true }).click();
  const category = field(a.page, 'Category');
  await category.click();
  await category.pressSequentially('Vendor');
  const announcement = a.page.getByTestId('changed-by-others');
  await expect(announcement).toHaveAttribute('role', 'status');
  await expect(announcement).toHaveText('');

  await row(b.page, title).getByRole('button', { name: title, exact: true }).click();
  await field(b.page, 'Likelihood').selectOption('4');
  await expect(announcement).toHaveText(`${teammate.name} changed Likelihood.`);
  await expect(field(a.page, 'Likelihood')).toHaveValue('4');
  await expect(category).toBeFocused();
  await expect(category).toHaveValue('Vendor');
  // What this person changes is not announced back to them.
  await field(a.page, 'Impact').selectOption('5');
  await expect(editor(b.page).getByTestId('changed-by-others')).toHaveText(`${owner.name} changed Impact.`);
  await expect(announcement).toHaveText(`${teammate.name} changed Likelihood.`);
  await Promise.all([a.context.close(), b.context.close()]);
});
