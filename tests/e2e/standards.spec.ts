// Technical standards, end to end: the workspace gets the standard set on its standards page; a
// milestone of the plan gets "Launch readiness"; with every check passed the roadmap shows
// "Standards 4/4"; marking the load test failed in the milestone's panel drops it to 3/4 with
// "1 failed" in words, on the roadmap and in the overview; a waiver without a reason is refused.
// The checks are passed through the API (the panel's form is what is under test for the failure).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { createProject, newPerson, signedUpContext } from './support';

async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openPlan(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/plan`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

type Standards = { milestones: { milestoneId: string; checklists: { checks: { id: string; title: string; version: number }[] }[] }[] };

test('standards: marking a milestone’s load test failed drops its readiness on the roadmap from 4/4 to 3/4, in words', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { page } = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(page, 'Payments launch');
  const { workspace } = await trpcQuery<{ workspace: { id: string } }>(page, 'project.get', { projectId });

  // The workspace's standards page: the standard set in one click.
  await page.goto(`/w/${workspace.id}/standards`);
  await expect(page.getByText('No checklists yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add the standard set' }).click();
  await expect(page.getByRole('status')).toHaveText('Added “Security and privacy” and “Launch readiness”.');
  const launchList = page.getByTestId('checklist').filter({ hasText: 'Launch readiness' });
  await expect(launchList.getByRole('listitem')).toHaveCount(4);
  await expectNoViolations(page);

  // A milestone on the plan, with Launch readiness applied from its panel.
  await openPlan(page, projectId);
  await page.getByLabel('Milestone title').fill('Beta launch');
  await page.getByLabel('Milestone date').fill(format(addDays(new Date(), 14), 'yyyy-MM-dd'));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('button', { name: /^Milestone Beta launch/ }).click();
  await expect(page).toHaveURL(/[?&]item=/);
  const milestoneId = new URL(page.url()).searchParams.get('item')!;
  const panel = page.getByTestId('milestone-standards');
  // The panel waits for the milestone to reach the plan's projection, then offers the checklists.
  await panel.getByLabel('Checklist', { exact: true }).selectOption({ label: 'Launch readiness (4 checks)' });
  await panel.getByRole('button', { name: 'Apply checklist' }).click();
  await expect(panel.getByTestId('standard-check')).toHaveCount(4);
  await expect(panel.getByTestId('standard-check').first()).toContainText('Pending');

  // Every check passed (through the API), then the plan read again: 4/4 on the roadmap.
  const standards = await trpcQuery<Standards>(page, 'standards.forProject', { projectId });
  const checks = standards.milestones.find((m) => m.milestoneId === milestoneId)!.checklists[0]!.checks;
  for (const check of checks) {
    await trpcMutation(page, 'standards.updateCheck', { projectId, checkId: check.id, state: 'passed', evidenceUrl: 'https://ci.example.com/runs/1', version: check.version });
  }
  await openPlan(page, projectId);
  const onRoadmap = page.locator(`[data-testid="timeline-row"][data-item-id="${milestoneId}"]`).getByTestId('standards-readiness');
  await expect(onRoadmap).toHaveText('✓Standards 4/4');
  await expect(onRoadmap).toHaveAttribute('data-state', 'met');

  // In the milestone's panel: the load test marked failed through the form.
  await page.getByRole('button', { name: /^Milestone Beta launch/ }).click();
  const load = panel.getByTestId('standard-check').filter({ hasText: 'Load test passed' });
  await load.getByRole('button', { name: 'Change Load test passed' }).click();
  const form = load.getByRole('form', { name: 'Change Load test passed' });
  // A waiver needs a reason: refused in words, nothing saved.
  await form.getByLabel('State').selectOption({ label: 'Waived' });
  await form.getByLabel('Why it is waived').fill('   ');
  await form.getByRole('button', { name: 'Save check' }).click();
  await expect(form.getByRole('alert')).toContainText('A waived check needs a reason');
  await form.getByLabel('State').selectOption({ label: 'Failed' });
  await form.getByLabel('Evidence link').fill('https://ci.example.com/load-tests/7');
  await form.getByRole('button', { name: 'Save check' }).click();
  await expect(form).toHaveCount(0);
  await expect(load).toHaveAttribute('data-state', 'failed');
  await expect(load.getByRole('link', { name: 'https://ci.example.com/load-tests/7' })).toHaveAttribute('href', 'https://ci.example.com/load-tests/7');

  // The roadmap's readiness drops, the failure in words and not colour alone.
  await expect(onRoadmap).toHaveText('✕Standards 3/4, 1 failed');
  await expect(onRoadmap).toHaveAttribute('data-state', 'failed');
  await expect(onRoadmap).toHaveAttribute('title', '3 of 4 standards met: 1 failed');
  const overview = page.getByRole('region', { name: 'Technical standards' });
  await expect(overview.getByTestId('milestone-readiness').filter({ hasText: 'Beta launch' })).toContainText('Standards 3/4, 1 failed1 failed');
  await expectNoViolations(page);
});
