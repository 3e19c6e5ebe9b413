// Pages carry a nonce-based Content-Security-Policy and refuse to be framed, and still work (sign in,
// create a project) with no policy violation; sign-in and sign-up never send you to another site,
// whatever `next` says, and a hostile `next` never makes the page fail.
import { expect, test, type Page } from '@playwright/test';
import { newPerson, password, signedUpContext } from './support';

/** Records every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

function expectPageSecurityHeaders(headers: Record<string, string>) {
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBe('DENY');
}

test('pages: sign-in and projects send a nonce CSP and X-Frame-Options, and work under it', async ({ browser, baseURL, request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  expectPageSecurityHeaders(first.headers());
  const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonceOf(first.headers()['content-security-policy']!)).not.toBe(nonceOf(second.headers()['content-security-policy']!));
  // Next put this response's nonce on its scripts.
  expect(await first.text()).toContain(`nonce="${nonceOf(first.headers()['content-security-policy']!)}"`);

  const person = newPerson('framed');
  const { context, page: signUpPage } = await signedUpContext(browser, baseURL!, person);
  await context.clearCookies();
  const page = await context.newPage();
  await signUpPage.close();
  const violations = await watchViolations(page);
  const signIn = await page.goto('/sign-in');
  expectPageSecurityHeaders(signIn!.headers());
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(password);
  // The button is enabled only once React has hydrated: the nonce let the scripts run.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/projects`);

  const projects = await page.request.get('/projects');
  expectPageSecurityHeaders(projects.headers());
  await page.getByLabel('Project name').fill('Framed project');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/p\/[0-9a-f-]{36}\/plan$/);
  await expect(page.getByRole('heading', { name: 'Framed project', exact: true })).toBeVisible();
  // The live plan's WebSocket (connect-src 'self') connected and synced.
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
  expect(violations).toEqual([]);
  await context.close();
});

test('pages: another site cannot frame the sign-in page', async ({ page, baseURL }) => {
  // 127.0.0.1 and localhost are two origins; framing from either is refused ('none').
  const elsewhere = new URL(baseURL!);
  elsewhere.hostname = elsewhere.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  const framer = new URL('/framer-test-page', elsewhere).href;
  await page.route(framer, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<h1>Elsewhere</h1><iframe title="framed" src="${baseURL}/sign-in"></iframe>` }),
  );
  await page.goto(framer);
  await expect(page.getByRole('heading', { name: 'Elsewhere' })).toBeVisible();
  // The browser refuses to show it: the frame is left on an error page, never the sign-in form.
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe').getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

// As they would be typed into a link: the query string is decoded once by the server.
const hostileNext = [
  '%2F%09%2Fevil.test', // tab
  '%2F%0A%2Fevil.test', // newline
  '%2F%0D%2Fevil.test', // carriage return
  '%5Cevil.test', // backslash
  '%2F%5Cevil.test', // /\
  '%2F%2Fevil.test', // //
  '//evil.test',
  '/\\evil.test',
  '%252F%252Fevil.test', // double-encoded //
  '%2F.%2F%2Fevil.test', // /.//
  'https%3A%2F%2Fevil.test%2F',
  'javascript%3Aalert(1)',
];

test('sign-in and sign-up: a hostile next never fails the page, signed in or out', async ({ browser, baseURL, request }) => {
  for (const page of ['/sign-in', '/sign-up']) {
    for (const next of hostileNext) {
      const response = await request.get(`${page}?next=${next}`);
      expect(response.status(), `${page}?next=${next}`).toBe(200);
    }
  }
  const { context, page } = await signedUpContext(browser, baseURL!, newPerson('redirected'));
  for (const path of ['/sign-in', '/sign-up']) {
    for (const next of hostileNext) {
      const response = await page.request.get(`${path}?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), `${path}?next=${next}`).toBe(307);
      const location = new URL(response.headers().location!, baseURL);
      expect(location.origin, `${path}?next=${next}`).toBe(new URL(baseURL!).origin);
    }
  }
  // A page of this site is still followed.
  const kept = await page.request.get('/sign-in?next=%2Fprojects%3Fx%3D1', { maxRedirects: 0 });
  expect(kept.headers().location).toBe('/projects?x=1');
  await context.close();
});

test('sign-in: signing in with a hostile next lands on this site', async ({ browser, baseURL }) => {
  const person = newPerson('signin');
  const { context, page: signUpPage } = await signedUpContext(browser, baseURL!, person);
  await signUpPage.close();
  for (const next of ['%2F%09%2Fevil.test', '%2F%5Cevil.test', '%2F.%2F%2Fevil.test']) {
    await context.clearCookies();
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}/projects`);
    await page.close();
  }
  await context.close();
});

test('sign-up: creating an account with a hostile next lands on this site', async ({ page, baseURL }) => {
  const person = newPerson('signup');
  await page.goto('/sign-up?next=%2F%09%2Fevil.test');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(`${baseURL}/projects`);
});
