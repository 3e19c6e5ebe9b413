// Status updates end to end: an editor publishes an "at risk" update and a logged-out reader sees it
// at once on the public page, badge and health strip; script and onerror payloads in every update
// field and in a public risk's title are shown as text, in the app and on the public page.
import { expect, test, type Page } from '@playwright/test';
import { addMember, createProject, editor, field, newPerson, openBoard, row, signedUpContext } from './support';

async function turnOnPublicPage(page: Page, projectId: string, slug: string) {
  await page.goto(`/p/${projectId}/settings`);
  await page.getByLabel('Publish a public status page').check();
  await page.getByLabel('Address').fill(slug);
  await page.getByRole('button', { name: 'Save public page' }).click();
  await expect(page.getByText('The public page is on.')).toBeVisible();
}

async function startDraft(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/updates`);
  await page.getByRole('button', { name: 'New update' }).click();
  const draft = page.getByRole('form', { name: 'Draft update' });
  await expect(draft).toBeVisible();
  return draft;
}

test('status: an editor publishes an "at risk" update and a logged-out reader sees it on the public page at once', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const { context: ownerContext, page: ownerPage } = await signedUpContext(browser, baseURL!, owner);
  const { context: editorContext, page: editorPage } = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(ownerPage, 'Checkout rewrite');
  await addMember(ownerPage, projectId, teammate, 'Editor');
  const slug = `checkout-${projectId.slice(0, 8)}`;
  await turnOnPublicPage(ownerPage, projectId, slug);

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/status/${slug}`);
  await expect(publicPage.getByTestId('current-health')).toHaveText('No update yet');

  const draft = await startDraft(editorPage, projectId);
  await draft.getByLabel('Health').selectOption({ label: 'At risk' });
  await draft.getByLabel('Reason').fill('Payment provider moved the sunset forward');
  await draft.getByLabel('Summary').fill('Refunds still call **API v2**.');
  await expect(draft.getByTestId('draft-status')).toHaveText('Draft saved');
  // The draft was autosaved: it is still there after a reload.
  await editorPage.reload();
  await expect(editorPage.getByLabel('Reason')).toHaveValue('Payment provider moved the sunset forward');
  await editorPage.getByRole('button', { name: 'Publish update' }).click();
  await expect(editorPage.getByTestId('update-reason')).toHaveText('At risk: Payment provider moved the sunset forward');
  await expect(editorPage.getByTestId('project-health').first()).toHaveText('At risk');

  // The logged-out reader (no JavaScript at all) sees the new health on the next load.
  await publicPage.reload();
  await expect(publicPage.getByTestId('current-health')).toHaveText('At risk');
  await expect(publicPage.getByText('Payment provider moved the sunset forward').first()).toBeVisible();
  await expect(publicPage.locator('strong', { hasText: 'API v2' })).toBeVisible();
  const cells = publicPage.locator('.strip .cell');
  await expect(cells).toHaveCount(90);
  await expect(cells.last()).toHaveAttribute('data-health', 'at_risk');
  await expect(cells.last()).toHaveCSS('background-color', 'rgb(217, 119, 6)');
  const badge = await reader.request.get(`/status/${slug}/badge.svg`);
  expect(badge.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await badge.text()).toContain('at risk');

  // Turning the page off removes it at once.
  await ownerPage.goto(`/p/${projectId}/settings`);
  await ownerPage.getByLabel('Publish a public status page').uncheck();
  await ownerPage.getByRole('button', { name: 'Save public page' }).click();
  await expect(ownerPage.getByText('The public page is off.')).toBeVisible();
  expect((await reader.request.get(`/status/${slug}`)).status()).toBe(404);
  expect((await reader.request.get(`/status/${slug}/feed.atom`)).status()).toBe(404);

  await Promise.all([ownerContext.close(), editorContext.close(), reader.close()]);
});

test('status: script and onerror payloads in every update field and in a risk title render as text', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const dialogs: string[] = [];
  context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const img = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(2)</script>';
  const projectId = await createProject(page, 'Payload project');
  const slug = `xss-${projectId.slice(0, 8)}`;

  // A public risk whose title is a payload.
  await openBoard(page, projectId);
  await page.getByRole('button', { name: 'New item' }).click();
  await field(page, 'Title').fill(`Risk ${img}${script}`);
  await field(page, 'Likelihood').selectOption('4');
  await field(page, 'Impact').selectOption('4');
  // The box reflects the live document, which applies the change a moment after the click.
  await editor(page).getByLabel('Show on the public status page').click();
  await expect(editor(page).getByLabel('Show on the public status page')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(row(page, `Risk ${img}${script}`)).toBeVisible();

  await turnOnPublicPage(page, projectId, slug);
  const draft = await startDraft(page, projectId);
  // The draft suggests "At risk" from the open high risk above.
  await expect(draft.getByLabel('Health')).toHaveValue('at_risk');
  await draft.getByLabel('Reason').fill(`Reason ${img}${script}`);
  for (const label of ['Summary', 'Highlights', 'Lowlights', 'Asks (help needed, from whom)', 'Next steps']) {
    await draft.getByLabel(label, { exact: true }).fill(`${label} ${img} ${script} [link](javascript:alert(3))`);
  }
  await page.getByRole('button', { name: 'Publish update' }).click();
  await expect(page.getByTestId('update-reason')).toHaveText(`At risk: Reason ${img}${script}`);
  for (const label of ['Summary', 'Highlights', 'Lowlights', 'Next steps']) {
    await expect(page.getByText(`${label} ${img} ${script} link`)).toBeVisible();
  }
  await expect(page.locator('main img, article img, article script')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);

  const reader = await browser.newContext();
  reader.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/status/${slug}`);
  await expect(publicPage.getByText(`Reason ${img}${script}`).first()).toBeVisible();
  await expect(publicPage.getByRole('cell', { name: `Risk ${img}${script}` })).toBeVisible();
  await expect(publicPage.getByText(`Asks (help needed, from whom) ${img} ${script} link`)).toBeVisible();
  await expect(publicPage.locator('img, script')).toHaveCount(0);
  await expect(publicPage.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await Promise.all([context.close(), reader.close()]);
});
