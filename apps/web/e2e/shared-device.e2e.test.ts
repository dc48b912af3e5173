import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectPage, launchBrowser, newPage, signIn, skipReason } from './browser';
import { castThroughApi, createVotingCycle, registerVoter, type VotingCycle, type Voter } from './voting-helpers';

/** Moves inside the single-page app (no reload, so the app's cached data stays in memory). */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe.skipIf(skipReason !== '')('one browser, two residents', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cycle: VotingCycle;
  let first: Voter;
  let second: Voter;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    cycle = await createVotingCycle({ ballot: { kind: 'approval' }, projects: [{ title: 'Benches on the green', cost: 4_000 }] });
    [first, second] = await Promise.all([registerVoter('first-on-device'), registerVoter('second-on-device')]);
    await castThroughApi(cycle.id, first);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("never shows the next person the previous person's ballot when they sign in on the same page", async () => {
    await signIn(page, first.email, first.password);
    await navigateInApp(page, `/cycles/${cycle.id}/vote`);
    await expectPage(page, `Vote in ${cycle.name}`);
    await page.getByRole('heading', { name: 'You have voted' }).waitFor();
    const receipt = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The first resident walks away without signing out; the next one signs in on the same page.
    await navigateInApp(page, '/sign-in');
    await expectPage(page, 'Sign in');
    await page.getByLabel('Email address').fill(second.email);
    await page.getByLabel('Password').fill(second.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page, 'My account');

    // Straight back to the ballot, well inside the time the app would otherwise reuse what it fetched.
    await navigateInApp(page, `/cycles/${cycle.id}/vote`);
    await expectPage(page, `Vote in ${cycle.name}`);
    await page.getByRole('checkbox', { name: /Benches on the green/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'You have voted' }).count()).toBe(0);
    expect(await page.getByText('You have already voted').count()).toBe(0);
    expect(await page.getByText(receipt).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });
});
