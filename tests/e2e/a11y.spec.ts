// The accessibility gate: axe-core's WCAG 2.0 and 2.1 A and AA rules on every page and state in
// a11yPages.ts, on the seeded demo workspace (the second server of playwright.config.ts), in the
// light and the dark colour scheme. Any violation fails, with the rule, its help and the elements.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { a11yStates, appRoutes, demoContext, demoStatusPath, openDemoPath, phone } from './a11yPages';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; the message lists each violation's rule and elements. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`,
  );
  expect(report, `axe found ${results.violations.length} violations`).toEqual([]);
}

test.describe('accessibility gate', () => {
  test('every route folder in app/ has a row in a11yPages.ts', () => {
    const listed = new Set(a11yStates.map((s) => s.route));
    expect(appRoutes().filter((route) => !listed.has(route))).toEqual([]);
    expect(listed.has(demoStatusPath)).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const state of a11yStates) {
      test(`axe, ${colorScheme}: ${state.name}`, async ({ browser }) => {
        // axe walks the whole page; a busy CI machine can take most of a minute on the larger boards.
        test.setTimeout(120_000);
        const context = await demoContext(browser, state.who, { colorScheme, ...(state.phone ? { viewport: phone } : {}) });
        try {
          const page = await context.newPage();
          try {
            await openDemoPath(page, state.path);
            await state.setup?.(page);
            await expectNoViolations(page);
          } finally {
            // What the row wrote to the demo goes, so the demo stays as seeded for the rows after it.
            await state.cleanup?.(page);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
