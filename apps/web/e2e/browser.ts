import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** The flags the system Chromium runs with: headless, no sandbox (containers), nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const skipReason = inject('skipReason');
export const baseUrl = inject('baseUrl');

/**
 * axe-core's source, loaded into every document of a test browser context up front. AxeBuilder
 * would otherwise send and evaluate this ~550 kB script twice per scan, which made each scan cost
 * seconds on a busy machine; the SPA keeps one document across navigations, so once is enough.
 */
const require = createRequire(import.meta.url);
const axeCoreSource = readFileSync(
  require.resolve('axe-core/axe.min.js', { paths: [require.resolve('@axe-core/playwright')] }),
  'utf8',
);
/** What AxeBuilder "injects" instead: a check that the preloaded axe-core is there. */
const AXE_PRELOADED = "if (typeof window.axe?.run !== 'function') throw new Error('axe-core was not preloaded');";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_ARGS });
}

export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB' });
  await context.addInitScript({ content: axeCoreSource });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // A page that breaks the Content-Security-Policy or throws is a failure even if it looks right.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  pageProblems.set(page, problems);
  return { context, page };
}

const pageProblems = new WeakMap<Page, string[]>();

/**
 * Registers the hooks of a test file (call it inside its `describe`): one browser, launched before
 * the file's tests and closed after them. `open()` gives a fresh context and page (default viewport
 * 1280 × 900); each is closed when the test that opened it ends.
 */
export function useBrowser(): { open(viewport?: { width: number; height: number }): Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(viewport) {
      if (browser === undefined) throw new Error('open() is for tests and hooks of a file that called useBrowser()');
      const { context, page } = await newPage(browser, viewport);
      contexts.push(context);
      return page;
    },
  };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  // Legacy mode runs axe.run() in the page itself (the SPA has no frames to combine results from).
  const results = await new AxeBuilder({ page, axeSource: AXE_PRELOADED }).withTags(AXE_TAGS).setLegacyMode().analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
  expect(pageProblems.get(page) ?? [], `browser errors on ${page.url()}`).toEqual([]);
}

/** Waits for the page whose main heading is `heading`, then checks its tab title and accessibility. */
export async function expectPage(page: Page, heading: string | RegExp, title?: string | RegExp): Promise<void> {
  await expect.poll(() => page.locator('h1').textContent()).toMatch(heading instanceof RegExp ? heading : exact(heading));
  if (title !== undefined) await expect.poll(() => page.title()).toMatch(title instanceof RegExp ? title : exact(title));
  // Let loading states settle (the menu waits for the session to be restored) so tests and axe see the finished page.
  await page.locator('nav[aria-busy="true"]').waitFor({ state: 'detached' });
  await page.locator('[role="status"]:has-text("Loading"), [role="status"]:has-text("Checking")').waitFor({ state: 'detached' });
  await expectNoAccessibilityViolations(page);
}

function exact(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Names of the links in the main navigation, in order. */
export function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

/** The id and text of whatever has keyboard focus. */
export function focused(page: Page): Promise<{ id: string; tag: string; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      id: element?.id ?? '',
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.textContent ?? '').trim(),
    };
  });
}

/** Signs in through the sign-in page and waits for the account page it leads to. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expectPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPage(page, 'My account');
}

/** The site's main menu. */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}
