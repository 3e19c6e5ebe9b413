// The README's first run, page by page: against a server started like `npm start` on an empty
// PGlite database (the `demo` project in playwright.config.ts), the demo owner signs in with the
// printed sign-in and every page of the demo project (tests/e2e/demoPages.ts) shows the seeded demo,
// with no error page and nothing on the console; the public status page, feed, calendar and badge too.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { publicKinds } from '@/server/status/publicSite';
import { demoFiles, demoOwner, demoPages, demoProjectName, demoTest as test, notDemoRoutes } from './demoPages';

/** Console errors, uncaught exceptions and failed requests of a page, as they happen. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  // The console names no address for a failed request ("Failed to load resource"); this does.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`response: ${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  return errors;
}

/** The routes app/ defines: each folder with a page.tsx or route.ts, as Next names it ("(group)" folders add nothing). */
function appRoutes(dir = path.resolve('app'), route = ''): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = entries.some((e) => e.isFile() && /^(page|route)\.(tsx?|jsx?)$/.test(e.name)) ? [route || '/'] : [];
  return here.concat(
    entries
      .filter((e) => e.isDirectory())
      .flatMap((e) => appRoutes(path.join(dir, e.name), /^\(.*\)$/.test(e.name) ? route : `${route}/${e.name}`)),
  );
}

test('demo: every route in app/ and every public status file is visited, or named as not part of the demo', () => {
  const visited = new Set([...demoPages, ...demoFiles].map((p) => p.route));
  const unvisited = appRoutes().filter((route) => !visited.has(route) && !(route in notDemoRoutes));
  expect(unvisited, 'add these to tests/e2e/demoPages.ts').toEqual([]);
  const publicVisited = new Set([...demoPages, ...demoFiles].map((p) => p.publicKind));
  expect(publicKinds.filter((kind) => !publicVisited.has(kind))).toEqual([]);
});

test('demo: the owner signs in on the sign-in page with the sign-in the README gives and sees the demo project', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoOwner.email);
  await page.getByLabel('Password').fill(demoOwner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('link', { name: demoProjectName })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

// The demo is seeded with no what-if scenario; the specs that run on it first (the accessibility
// gate drafts one) throw theirs away, so the demo a person opens stays as seeded.
test('demo: the workspace holds no what-if scenario left by other specs', async ({ browser, demo }) => {
  const context = await browser.newContext({ storageState: demo.session });
  const get = async <T>(procedure: string, input: unknown): Promise<T> => {
    const response = await context.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  const { workspace } = await get<{ workspace: { id: string } }>('project.get', { projectId: demo.projectId });
  expect(await get<{ name: string }[]>('scenario.list', { workspaceId: workspace.id })).toEqual([]);
  await context.close();
});

for (const demoPage of demoPages) {
  test(`demo: ${demoPage.name} (${demoPage.route}) shows the demo without errors`, async ({ browser, demo }) => {
    const context = await browser.newContext(demoPage.signedIn ? { storageState: demo.session } : {});
    const page = await context.newPage();
    const errors = consoleErrors(page);
    const response = await page.goto(demoPage.path(demo));
    expect(response?.status()).toBeLessThan(400);
    if (demoPage.landsOn) await expect(page).toHaveURL(demoPage.landsOn(demo));
    await demoPage.shows(page);
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Not found' })).toHaveCount(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const file of demoFiles) {
  test(`demo: ${file.name} (${file.route}) serves the demo`, async ({ browser, demo }) => {
    const context = await browser.newContext(file.signedIn ? { storageState: demo.session } : {});
    const response = await context.request.get(file.path(demo));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(file.contentType);
    const body = await response.text();
    for (const text of file.contains) expect(body).toContain(text);
    await context.close();
  });
}
