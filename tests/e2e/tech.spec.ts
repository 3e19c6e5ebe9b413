// The project's technology end to end: import a package.json (with its lockfile), see the items,
// move one to "hold" with a reason, see the alert, the radar's "moved" mark and the ring history,
// and create a technical risk from the alert on the risk board (saved only on "Save risk"). Also:
// a stale edit keeps what was typed, the plan and the portfolio show the alert, and with no
// registry configured the version check says so calmly; closing the import panel keeps pasted text.
import { expect, test, type Page } from '@playwright/test';
import { createProject, editor, field, newPerson, raidTitles, row, signedUpContext } from './support';

const packageJson = JSON.stringify({ name: 'shop', dependencies: { react: '^18.2.0', 'left-pad': '1.3.0' }, devDependencies: { vitest: '^4.1.0' } }, null, 2);
const packageLock = JSON.stringify({
  name: 'shop',
  lockfileVersion: 3,
  packages: {
    '': { name: 'shop' },
    'node_modules/react': { version: '18.3.1' },
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/vitest': { version: '4.1.12' },
  },
});

const inventoryRow = (page: Page, name: string) => page.getByTestId('inventory-row').filter({ has: page.getByRole('button', { name, exact: true }) });
const blipRow = (page: Page, name: string) => page.getByTestId('blip-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function importPackageJson(page: Page) {
  await page.getByRole('button', { name: 'Import manifest' }).click();
  await page.getByLabel('Manifest', { exact: true }).setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from(packageJson) });
  await page.getByLabel('package-lock.json (optional)').setInputFiles({ name: 'package-lock.json', mimeType: 'application/json', buffer: Buffer.from(packageLock) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('3 items to add, 0 items to update, 0 items unchanged. Nothing is written until you press Apply.');
  // The preview wrote nothing.
  await expect(page.getByTestId('inventory-row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported package.json' })).toContainText('3 items added');
}

test('tech: import a package.json, move an item to hold, see the alert and the radar mark, and draft a risk from it', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Shop rebuild');

  await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Tech' }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/tech$`));
  await expect(page.getByText('Nothing in the inventory yet.')).toBeVisible();

  await importPackageJson(page);
  // The lockfile's exact version, not the range.
  await expect(inventoryRow(page, 'react')).toContainText('18.3.1');
  await expect(inventoryRow(page, 'react')).toContainText('Adopt');
  await expect(page.getByTestId('inventory-row')).toHaveCount(3);
  await expect(page.getByTestId('radar-blip')).toHaveCount(3);

  // Review the radar, so that moves from now on show as moved.
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByTestId('radar-review')).toContainText(`by ${owner.name}`);
  await expect(blipRow(page, 'react')).not.toContainText('Moved since review');

  // Move react to hold: the reason is asked for.
  await inventoryRow(page, 'react').getByRole('button', { name: 'react' }).click();
  await field(page, 'Ring').selectOption('hold');
  await editor(page).getByRole('button', { name: 'Save' }).click();
  await expect(editor(page).getByRole('alert')).toContainText('say why react moves from Adopt to Hold');
  await field(page, 'Why move it from Adopt to Hold?').fill('React 19 is the target; nothing new on 18');
  await editor(page).getByRole('button', { name: 'Save' }).click();
  await expect(editor(page)).toBeHidden();
  await expect(inventoryRow(page, 'react')).toContainText('Hold');

  // The alert, and the radar's mark (a triangle in the picture, words in the table).
  const alert = page.getByTestId('tech-alert').filter({ hasText: 'react is on hold' });
  await expect(alert).toContainText('On hold, in use');
  await expect(blipRow(page, 'react')).toContainText('Moved since review');
  await expect(page.locator('[data-testid="radar-blip"][data-ring="hold"]')).toHaveAttribute('data-moved', 'true');
  await expect(page.getByTestId('radar-review')).toContainText('1 moved');

  // The ring history: who, when, why.
  await blipRow(page, 'react').getByRole('button', { name: /^Move or edit react/ }).click();
  const change = editor(page).getByTestId('ring-change').first();
  await expect(change).toContainText('Adopt → Hold');
  await expect(change).toContainText(owner.name);
  await expect(change).toContainText('React 19 is the target; nothing new on 18');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();

  // The plan (the project's first page) and the portfolio show the alert too.
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('tech-alerts-card')).toContainText('react is on hold');
  await page.goto('/projects');
  await expect(page.getByRole('link', { name: /Shop rebuild/ })).toContainText('1 tech alert');

  // Create a risk from the alert: the risk board opens a drafted technical risk, saved on Save risk.
  await page.goto(`/p/${projectId}/tech`);
  await alert.getByRole('link', { name: /^Create a risk from this/ }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/risks`));
  const title = 'Technical: react is on hold but still in use';
  await expect(field(page, 'Title')).toHaveValue(title);
  await expect(field(page, 'Description')).toHaveValue(/react is on hold/);
  // Nothing is on the board until Save risk.
  expect(await raidTitles(page, projectId)).toEqual([]);
  await editor(page).getByRole('button', { name: 'Save risk' }).click();
  await expect(editor(page).getByRole('button', { name: 'Save risk' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(row(page, title)).toBeVisible();
  await expect.poll(() => raidTitles(page, projectId)).toEqual([title]);
  // The address forgot the alert: a reload drafts nothing more.
  await expect(page).not.toHaveURL(/techItem=/);
  await context.close();
});

test('tech: once an alert\'s risk is filed, the alert offers "Open its risk", and an old draft address opens that risk too', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'One risk per alert');
  const added = await page.request.post('/api/trpc/tech.upsert', { data: { json: { projectId, name: 'Struts', kind: 'library', ring: 'hold' } }, headers: { origin: new URL(page.url()).origin } });
  expect(added.ok(), await added.text()).toBe(true);
  await page.goto(`/p/${projectId}/tech`);
  const alert = page.getByTestId('tech-alert').filter({ hasText: 'Struts is on hold' });
  const draftAddress = await alert.getByRole('link', { name: /^Create a risk from this/ }).getAttribute('href');
  await alert.getByRole('link', { name: /^Create a risk from this/ }).click();
  const title = 'Technical: Struts is on hold but still in use';
  await expect(field(page, 'Title')).toHaveValue(title);
  await editor(page).getByRole('button', { name: 'Save risk' }).click();
  await expect(editor(page).getByRole('button', { name: 'Save risk' })).toHaveCount(0);
  await expect.poll(() => raidTitles(page, projectId)).toEqual([title]);

  // Back on the tech page the alert offers its risk, not a second one.
  await page.goto(`/p/${projectId}/tech`);
  await expect(alert.getByRole('link', { name: /^Create a risk from this/ })).toHaveCount(0);
  await alert.getByRole('link', { name: /^Open its risk/ }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/risks\\?item=`));
  await expect(field(page, 'Title')).toHaveValue(title);
  await page.keyboard.press('Escape');
  // An old "Create a risk from this" address (another tab, a bookmark) opens that risk too.
  await page.goto(draftAddress!);
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/risks\\?item=`));
  await expect(field(page, 'Title')).toHaveValue(title);
  await expect(editor(page).getByRole('button', { name: 'Save risk' })).toHaveCount(0);
  expect(await raidTitles(page, projectId)).toEqual([title]);
  await context.close();
});

test('tech: after removing an item, focus goes to the next item of the list, the one before it after the last, then to the inventory heading', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Tidy inventory');
  for (const name of ['Alpha', 'Beta', 'Gamma']) {
    const added = await page.request.post('/api/trpc/tech.upsert', { data: { json: { projectId, name, kind: 'tool' } }, headers: { origin: new URL(page.url()).origin } });
    expect(added.ok(), await added.text()).toBe(true);
  }
  await page.goto(`/p/${projectId}/tech`);
  const removeFromKeyboard = async (name: string) => {
    await inventoryRow(page, name).getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
    await editor(page).getByRole('button', { name: `Remove ${name}` }).focus();
    await page.keyboard.press('Enter');
    await expect(editor(page).getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor(page)).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Removed ${name}.` })).toBeVisible();
    await expect(inventoryRow(page, name)).toHaveCount(0);
  };
  await removeFromKeyboard('Beta');
  await expect(inventoryRow(page, 'Gamma').getByRole('button', { name: 'Gamma' })).toBeFocused();
  await removeFromKeyboard('Gamma');
  await expect(inventoryRow(page, 'Alpha').getByRole('button', { name: 'Alpha' })).toBeFocused();
  await removeFromKeyboard('Alpha');
  await expect(page.getByRole('heading', { name: /^Inventory/ })).toBeFocused();
  await context.close();
});

test('tech: a stale edit keeps what was typed and says someone else saved first; with no registry the version check says so', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Stale edits');
  await page.goto(`/p/${projectId}/tech`);

  await page.getByRole('button', { name: 'Add item' }).click();
  await field(page, 'Name').fill('PostgreSQL');
  await field(page, 'Kind').selectOption('software');
  await field(page, 'Version in use').fill('12.19');
  await editor(page).getByRole('button', { name: 'Add item' }).click();
  await expect(editor(page)).toBeHidden();
  await expect(inventoryRow(page, 'PostgreSQL')).toContainText('12.19');

  await inventoryRow(page, 'PostgreSQL').getByRole('button', { name: 'PostgreSQL' }).click();
  await field(page, 'Licence').fill('PostgreSQL License');
  // Meanwhile someone else saves the item.
  const list = await page.request.get(`/api/trpc/tech.list?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`);
  const [item] = ((await list.json()) as { result: { data: { json: { id: string; revision: number }[] } } }).result.data.json;
  const other = await page.request.post('/api/trpc/tech.upsert', {
    data: { json: { projectId, id: item!.id, revision: item!.revision, version: '12.20' } },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(other.ok(), await other.text()).toBe(true);

  await editor(page).getByRole('button', { name: 'Save' }).click();
  await expect(editor(page).getByRole('alert')).toContainText('Someone changed this item since you opened it');
  await expect(field(page, 'Licence')).toHaveValue('PostgreSQL License');
  // Saving again, knowingly, writes it.
  await editor(page).getByRole('button', { name: 'Save' }).click();
  await expect(editor(page)).toBeHidden();
  await expect(inventoryRow(page, 'PostgreSQL')).toContainText('PostgreSQL License');

  await page.getByRole('button', { name: 'Check for newer versions' }).click();
  // The e2e server sets no TECH_REGISTRY_URL.
  await expect(page.getByRole('status').filter({ hasText: 'No package registry is set up' })).toContainText('The latest versions stay as last known.');
  await expect(page.getByTestId('inventory-row')).toHaveCount(1);
  await context.close();
});

test('tech: closing the import panel keeps the pasted manifest, so reopening it goes on where it stopped', async ({ browser, baseURL }) => {
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Paste and pause');
  await page.goto(`/p/${projectId}/tech`);
  await page.getByRole('button', { name: 'Import manifest' }).click();
  await page.getByLabel('Paste its text').check();
  await page.getByLabel('Manifest text').fill(packageJson);
  await page.getByRole('button', { name: 'Close import' }).click();
  await expect(page.getByLabel('Manifest text')).toBeHidden();
  await page.getByRole('button', { name: 'Import manifest' }).click();
  await expect(page.getByLabel('Manifest text')).toHaveValue(packageJson);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('3 items to add, 0 items to update, 0 items unchanged. Nothing is written until you press Apply.');
  await context.close();
});
