// The insights page end to end: a delivery CSV imported through the column mapping (a bad line shown
// by its number and left out), the burn-up drawn from it, the forecasts (the milestone likely late, a
// question of one's own answered), and the milestone's forecast band with
// "likely late" on the roadmap; a published update's health charted, the chart switched to its
// table (and back), its CSV downloaded and read back, and its PNG; the portfolio sorted from the
// keyboard.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createProject, newPerson, signedUpContext } from './support';

const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 30 items of the "Launch" milestone, created ten weeks ago: two resolved in each of the last eight
 * complete weeks (16), 14 still open; and one line whose created date is not a date.
 */
function deliveryCsv(): string {
  const lines = ['Key,Summary,Created,Resolved,Milestone'];
  for (let i = 1; i <= 30; i++) {
    const resolved = i <= 16 ? isoDaysFromToday(-7 * Math.ceil(i / 2) - 1) : '';
    lines.push(`PAY-${i},Payment step ${i},${isoDaysFromToday(-70)},${resolved},Launch`);
  }
  lines.push('PAY-31,Broken row,next tuesday,,Launch');
  return `${lines.join('\n')}\n`;
}

async function addMilestone(page: Page, projectId: string, title: string, date: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  await page.getByLabel('Milestone title').fill(title);
  await page.getByLabel('Milestone date').fill(date);
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByTestId('timeline-row').filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('insights: a delivery CSV is mapped, checked (a bad line named) and imported; the burn-up shows it and the roadmap shows the forecast band, likely late', async ({ browser, baseURL }) => {
  // Three pages and an import: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const owner = newPerson('owner');
  const { context, page } = await signedUpContext(browser, baseURL!, owner);
  const projectId = await createProject(page, 'Payments cut-over');
  await addMilestone(page, projectId, 'Launch', isoDaysFromToday(14));

  await page.goto(`/p/${projectId}/insights`);
  const burnUp = page.getByTestId('chart-burn-up');
  await burnUp.getByRole('link', { name: 'Import delivery data' }).click();
  await page.getByLabel('Delivery CSV').fill(deliveryCsv());
  await page.getByRole('button', { name: 'Map columns' }).click();
  await page.getByLabel('Key (required)').selectOption('Key');
  await page.getByLabel('Created (required)').selectOption('Created');
  await page.getByLabel('Resolved (required)').selectOption('Resolved');
  await page.getByLabel('Title').selectOption('Summary');
  await page.getByLabel('Milestone or workstream').selectOption('Milestone');
  await page.getByRole('button', { name: 'Check' }).click();
  const check = page.getByTestId('delivery-check');
  await expect(check.getByRole('status')).toHaveText('30 new, 0 updated, 1 with problems (left out if you import). Nothing is written until you import.');
  await expect(check.getByTestId('delivery-problem')).toHaveCount(1);
  await expect(check.getByTestId('delivery-problem')).toContainText('Line 32: created "next tuesday" is not a date');
  // The check wrote nothing.
  await expect(burnUp.getByRole('link', { name: 'Import delivery data' })).toBeVisible();
  await page.getByRole('button', { name: 'Import the 30 good lines' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toHaveText('Imported: 30 new, 0 updated; 1 line left out.');

  await expect(burnUp.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await burnUp.getByRole('button', { name: 'Table' }).click();
  const lastWeek = page.getByTestId('table-burn-up').getByRole('row').last();
  await expect(lastWeek.getByRole('cell')).toHaveText(['30', '16']);
  await expect(page.getByTestId('chart-throughput').locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('chart-cycle-time')).toContainText('half took');
  // The forecasts from the same history: the milestone's open items with their dates, likely late,
  // and a question of one's own.
  const forecasts = page.getByTestId('forecasts');
  const launchForecast = forecasts.getByTestId('milestone-forecast').filter({ hasText: 'Launch' });
  await expect(launchForecast).toContainText('14 of 30');
  await expect(launchForecast).toContainText('Likely late');
  await forecasts.getByLabel('When will this many items be done?').fill('10');
  await forecasts.getByRole('button', { name: 'Forecast' }).click();
  await expect(forecasts.getByTestId('when-done')).toHaveText(/^10 items done by \d+ \w+ \d{4} \(P50\) · \d+ \w+ \d{4} \(P85\) · \d+ \w+ \d{4} \(P95\)$/);

  await page.goto(`/p/${projectId}/plan`);
  const launch = page.getByTestId('timeline-row').filter({ hasText: 'Launch' });
  await expect(launch.getByTestId('forecast-band')).toContainText(/Forecast \d+ \w+ to \d+ \w+ \(P50 to P95\)/);
  await expect(launch.getByTestId('likely-late')).toContainText('Likely late: P85');
  await context.close();
});

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
  await expect(health.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
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
