// Moving a blip between the radar's rings on the tech page: dragged with the mouse, or picked up
// with Space and moved with the arrow keys (each step said in the live region), saved through
// tech.upsert with the revision read, so a move over someone else's newer edit is refused and said.
import { expect, test, type Page } from '@playwright/test';
import { createProject, newPerson, signedUpContext } from './support';

const blipRow = (page: Page, name: string) => page.getByTestId('blip-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const liveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/** Adds an item through the API, as another tab would. */
async function upsertItem(page: Page, fields: Record<string, unknown>): Promise<{ id: string; revision: number }> {
  const response = await page.request.post('/api/trpc/tech.upsert', { data: { json: fields }, headers: { origin: new URL(page.url()).origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { id: string; revision: number } } } }).result.data.json;
}

/** Where the middle of the hold ring is, on the line from the radar's centre through the blip. */
async function holdRingPointBehind(page: Page, blipName: string) {
  const picture = (await page.getByTestId('radar-picture').boundingBox())!;
  const blip = (await page.getByRole('button', { name: blipName }).boundingBox())!;
  const centre = { x: picture.x + picture.width / 2, y: picture.y + picture.height / 2 };
  const from = { x: blip.x + blip.width / 2, y: blip.y + blip.height / 2 };
  const angle = Math.atan2(from.y - centre.y, from.x - centre.x);
  // The hold band runs from 165 to 195 of the picture's 400 units.
  const radius = (180 * picture.width) / 400;
  return { from, to: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } };
}

async function techPageWith(page: Page, name: string, others: Record<string, unknown>[] = []) {
  const projectId = await createProject(page, `Radar ${name}`);
  await upsertItem(page, { projectId, name, kind: 'tool', ring: 'adopt' });
  for (const other of others) await upsertItem(page, { projectId, kind: 'tool', ...other });
  await page.goto(`/p/${projectId}/tech`);
  await expect(page.getByRole('button', { name: `${name} (Adopt)` })).toBeVisible();
  return projectId;
}

test('tech radar: dragging a blip to the hold ring moves it there, raises the alert and stays after a reload', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  await techPageWith(page, 'Jenkins');

  const { from, to } = await holdRingPointBehind(page, 'Jenkins (Adopt)');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  // The ring under the blip is highlighted while it is dragged.
  await expect(page.locator('[data-testid="radar-ring"][data-ring="hold"]')).toHaveClass(/fill-accent-soft/);
  await page.mouse.up();

  await expect(page.getByRole('button', { name: 'Jenkins (Hold)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Moved Jenkins from Adopt to Hold.' })).toBeVisible();
  await expect(page.getByTestId('tech-alert').filter({ hasText: 'Jenkins is on hold' })).toBeVisible();
  await page.reload();
  await expect(blipRow(page, 'Jenkins')).toContainText('Hold');
  await expect(page.locator('[data-testid="radar-blip"][data-ring="hold"]')).toHaveCount(1);
  await context.close();
});

test('tech radar: from the keyboard, Space picks a blip up, the arrow keys move it a ring at a time (said aloud), Space puts it down; Escape leaves it', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  // Bamboo sits after Terraform in the table's order until Terraform moves out past it.
  await techPageWith(page, 'Terraform', [{ name: 'Bamboo', ring: 'trial' }]);
  const blip = page.getByRole('button', { name: 'Terraform (Adopt)' });
  await blip.focus();
  await expect(blip).toHaveAttribute('aria-roledescription', 'draggable');
  // The picture is one Tab stop; the arrow keys go from blip to blip until one is picked up.
  await expect(page.locator('[data-testid="movable-blip"][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Bamboo (Trial)' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(blip).toBeFocused();

  // Escape puts it back where it was.
  await page.keyboard.press('Space');
  await expect(liveRegion(page)).toHaveText('Picked up Terraform, in Adopt.');
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion(page)).toHaveText('Terraform is over Trial.');
  await page.keyboard.press('Escape');
  await expect(liveRegion(page)).toHaveText('Move cancelled: Terraform stays in Adopt.');
  await expect(blipRow(page, 'Terraform')).toContainText('Adopt');

  await page.getByRole('button', { name: 'Terraform (Adopt)' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion(page)).toHaveText('Terraform is over Trial.');
  await page.keyboard.press('ArrowDown');
  await expect(liveRegion(page)).toHaveText('Terraform is over Assess.');
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion(page)).toHaveText('Terraform is over Hold.');
  // Past the edge it stays over Hold; one step back in is Assess.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(liveRegion(page)).toHaveText('Terraform is over Assess.');
  await page.keyboard.press('Space');
  await expect(liveRegion(page)).toHaveText('Terraform moved from Adopt to Assess.');
  // Redrawn in its new ring, it keeps focus.
  await expect(page.getByRole('button', { name: 'Terraform (Assess)' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Moved Terraform from Adopt to Assess.' })).toBeVisible();
  await page.reload();
  await expect(blipRow(page, 'Terraform')).toContainText('Assess');
  await context.close();
});

test('tech radar: a move over an edit made since the page loaded is refused, said, and the radar shows the newer version', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await techPageWith(page, 'Ansible');
  // Meanwhile someone else moves it to Trial.
  const list = await page.request.get(`/api/trpc/tech.list?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`);
  const [item] = ((await list.json()) as { result: { data: { json: { id: string; revision: number }[] } } }).result.data.json;
  await upsertItem(page, { projectId, id: item!.id, revision: item!.revision, ring: 'trial', ringReason: 'Only for the new cluster' });

  await page.getByRole('button', { name: 'Ansible (Adopt)' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByRole('alert').filter({ hasText: 'Ansible was not moved' })).toContainText('Ansible was not moved: someone changed it since this page loaded.');
  await expect(page.getByRole('button', { name: 'Ansible (Trial)' })).toBeVisible();
  await page.reload();
  await expect(blipRow(page, 'Ansible')).toContainText('Trial');
  await context.close();
});
