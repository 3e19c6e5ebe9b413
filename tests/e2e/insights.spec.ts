// The insights page end to end: a published update's health charted, the chart switched to its
// table (and back), its CSV downloaded and read back; the portfolio lists the project and sorts by
// column from the keyboard.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createProject, newPerson, signedUpContext } from './support';

test('insights: a published update is charted; the chart switches to its table and downloads as CSV', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Ledger rewrite');
  const origin = { origin: baseURL! };
  const draft = await page.request.post('/api/trpc/status.createDraft', { data: { json: { projectId } }, headers: origin });
  expect(draft.ok(), await draft.text()).toBe(true);
  const { id, revision } = (await draft.json()).result.data.json;
  const content = { health: 'at_risk', healthReason: 'Vendor, "late" again', summary: 'Slower than planned', highlights: '', lowlights: '', asks: '', nextSteps: '' };
  const published = await page.request.post('/api/trpc/status.publish', { data: { json: { projectId, updateId: id, content, baseRevision: revision } }, headers: origin });
  expect(published.ok(), await published.text()).toBe(true);

  await page.goto(`/p/${projectId}`);
  await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/insights$`));
  const health = page.getByTestId('chart-status-health');
  await expect(health.locator('svg.recharts-surface')).toBeVisible();
  // With no risks yet, the exposure chart says what to do rather than drawing nothing.
  await expect(page.getByTestId('chart-risk-exposure').getByRole('link', { name: 'Rate risks on the risk board' })).toBeVisible();

  await health.getByRole('button', { name: 'Table' }).click();
  await expect(health.getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByTestId('table-status-health');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('At risk');
  await expect(table.getByRole('row').nth(1)).toContainText('Vendor, "late" again');

  const [download] = await Promise.all([page.waitForEvent('download'), health.getByRole('button', { name: 'Health over time: download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('status-health.csv');
  const csv = await readFile((await download.path())!, 'utf8');
  const today = new Date().toISOString().slice(0, 10);
  expect(csv.split('\n')).toEqual(['Published,Health,Why', expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2},At risk,"Vendor, ""late"" again"$`))]);
  expect(csv).toContain(today.slice(0, 7));

  await health.getByRole('button', { name: 'Chart' }).click();
  await expect(table).toHaveCount(0);
  const [png] = await Promise.all([page.waitForEvent('download'), health.getByRole('button', { name: 'Health over time: download PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('status-health.png');
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await context.close();
});

test('portfolio: the workspace home lists the project with its health and sorts from the keyboard', async ({ browser, baseURL }) => {
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const first = await createProject(page, 'Alpha billing');
  await createProject(page, 'Zulu payroll');
  await page.goto(`/p/${first}`);
  await page.getByRole('link', { name: /: portfolio$/ }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  const names = () => page.getByTestId('portfolio-row').getByRole('rowheader').allTextContents();
  await expect.poll(names).toEqual(['Alpha billing', 'Zulu payroll']);
  const header = page.getByRole('columnheader', { name: /Project/ });
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(names).toEqual(['Zulu payroll', 'Alpha billing']);
  await expect(page.getByTestId('portfolio-row').first()).toContainText('No update yet');
  await context.close();
});
