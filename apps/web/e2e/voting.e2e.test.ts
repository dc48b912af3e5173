import { CastBallotResponse } from '@allot/shared';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectPage, focused, signIn, skipReason, useBrowser } from './browser';
import { DEMO_PASSWORD } from './demo';
import {
  castThroughApi,
  createVotingCycle,
  demoWards,
  movePhase,
  registerVoter,
  STAFF_EMAIL,
  verifyWardThroughApi,
  type Voter,
  type VotingCycle,
} from './voting-helpers';

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** From the review step: cast, land on the confirmation, and return the receipt code shown. */
async function castFromReview(page: Page, button: 'Cast my vote' | 'Replace my vote'): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await expectPage(page, 'Your vote has been cast');
  const receipt = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
  expect(receipt).toMatch(RECEIPT);
  await expect.poll(() => page.getByText('Keep this code').isVisible()).toBe(true);
  return receipt;
}

/** Goes to the review step and checks it lists `choices` (in order for a ranking). */
async function review(page: Page, cycle: VotingCycle, choices: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Review my choices' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Check your choices' }).isVisible()).toBe(true);
  const listed = await page.locator('.ballot-summary li').allTextContents();
  expect(listed.map((text) => text.trim())).toEqual(choices);
  await expectPage(page, `Vote in ${cycle.name}`);
}

/** Moves the cycle on to counting, then checks the latest receipt is on the board and the replaced one is not. */
async function checkReceipts(page: Page, cycle: VotingCycle, counted: string, replaced: string): Promise<void> {
  await movePhase(cycle.id, 'counting');
  await page.goto('/receipts');
  await expectPage(page, 'Check your receipt');
  await page.getByLabel('Budget cycle').selectOption({ label: cycle.name });
  await page.getByLabel('Receipt code').fill(counted.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Check my receipt' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'was counted' }).textContent()).toContain(counted);
  await expect.poll(() => page.locator('.results-count').textContent()).toBe('1 counted ballot');
  expect(await page.getByRole('table').getByRole('cell').first().textContent()).toContain(counted);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Receipt code').fill(replaced);
  await page.getByRole('button', { name: 'Check my receipt' }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'is not on the board' }).isVisible()).toBe(true);
  await expectNoAccessibilityViolations(page);
}

async function openBallot(page: Page, cycle: VotingCycle): Promise<void> {
  await page.goto(`/cycles/${cycle.id}`);
  await expectPage(page, cycle.name);
  await page.getByRole('link', { name: 'Vote', exact: true }).click();
  await expectPage(page, `Vote in ${cycle.name}`);
}

describe.skipIf(skipReason !== '')('voting in the browser', () => {
  const browser = useBrowser();
  let page: Page;
  let voter: Voter;

  beforeEach(async () => {
    page = await browser.open();
    voter = await registerVoter('voter');
  });

  it('casts an approval ballot once even when the answer is lost, changes and checks it, with the count limit and server errors shown', async () => {
    const cycle = await createVotingCycle({
      ballot: { kind: 'approval', maxCount: 2 },
      projects: [
        { title: 'Benches by the pond', cost: 3_000 },
        { title: 'Library garden', cost: 8_000 },
        { title: 'Youth club kit', cost: 5_000 },
        { title: 'Borough tree map', cost: 2_000, cityWide: true },
      ],
    });
    await signIn(page, voter.email, voter.password);
    await openBallot(page, cycle);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringContaining('budget £30,000'),
      expect.stringContaining('City-wide'),
    ]);

    await page.getByRole('button', { name: 'Review my choices' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose at least one project in one of the pots');
    await expectNoAccessibilityViolations(page);

    const wardPot = page.getByRole('region', { name: /budget £30,000/ });
    await expect.poll(() => wardPot.locator('[aria-live="polite"]').textContent()).toBe('You can choose 2 more');
    await page.getByRole('checkbox', { name: /Benches by the pond/ }).check();
    await expect.poll(() => wardPot.locator('[aria-live="polite"]').textContent()).toBe('You can choose 1 more');
    await page.getByRole('checkbox', { name: /Library garden/ }).check();
    await expect.poll(() => wardPot.locator('[aria-live="polite"]').textContent()).toBe('You cannot choose any more projects here');
    expect(await page.getByRole('checkbox', { name: /Youth club kit/ }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Borough tree map/ }).check();
    await expectNoAccessibilityViolations(page);

    await review(page, cycle, ['Benches by the pond (£3,000)', 'Library garden (£8,000)', 'Borough tree map (£2,000)']);
    // The server casts the ballot but its answer is lost on the way back: the page tries again with
    // the same Idempotency-Key and gets the first receipt back instead of casting a second time.
    const keys: string[] = [];
    let lostReceipt = '';
    await page.route('**/api/cycles/*/ballot', async (route) => {
      const request = route.request();
      if (request.method() !== 'PUT') return route.continue();
      keys.push(request.headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      const response = await route.fetch();
      lostReceipt = CastBallotResponse.parse(await response.json()).receipt;
      return route.abort('connectionreset');
    });
    const first = await castFromReview(page, 'Cast my vote');
    await page.unroute('**/api/cycles/*/ballot');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(first).toBe(lostReceipt);

    await page.getByRole('button', { name: 'Change my vote' }).click();
    await expectPage(page, `Vote in ${cycle.name}`);
    expect(await page.getByRole('checkbox', { name: /Library garden/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /Library garden/ }).uncheck();
    await page.getByRole('checkbox', { name: /Youth club kit/ }).check();
    await review(page, cycle, ['Benches by the pond (£3,000)', 'Youth club kit (£5,000)', 'Borough tree map (£2,000)']);
    const second = await castFromReview(page, 'Replace my vote');
    expect(second).not.toBe(first);

    // Voting closes while the resident is changing their mind: the server's reason is shown in the error summary.
    await page.getByRole('button', { name: 'Change my vote' }).click();
    await page.getByRole('checkbox', { name: /Borough tree map/ }).uncheck();
    await review(page, cycle, ['Benches by the pond (£3,000)', 'Youth club kit (£5,000)']);
    await movePhase(cycle.id, 'counting');
    await page.getByRole('button', { name: 'Replace my vote' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Voting is not open');
    expect((await focused(page)).text).toContain('There is a problem');
    await expectNoAccessibilityViolations(page);

    await page.goto(`/receipts?cycle=${cycle.id}`);
    await expectPage(page, 'Check your receipt');
    await page.getByLabel('Receipt code').fill(second);
    await page.getByRole('button', { name: 'Check my receipt' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'was counted' }).textContent()).toContain(second);
    await page.getByLabel('Receipt code').fill(first);
    await page.getByRole('button', { name: 'Check my receipt' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'is not on the board' }).isVisible()).toBe(true);
    await expectNoAccessibilityViolations(page);
  });

  it('keeps a knapsack ballot within the budget on a phone, then changes and checks it', async () => {
    await page.context().close();
    page = await browser.open({ width: 390, height: 844 });
    const cycle = await createVotingCycle({
      ballot: { kind: 'knapsack', minSpend: { unit: 'percent', value: 50 } },
      projects: [
        { title: 'Accessible swings', cost: 14_000 },
        { title: 'Rain shelter', cost: 11_000 },
        { title: 'Solar path lights', cost: 9_000 },
        { title: 'Chalk wall', cost: 6_500 },
      ],
    });
    await signIn(page, voter.email, voter.password);
    await openBallot(page, cycle);
    const wardPot = page.getByRole('region', { name: /budget £30,000/ });
    const meter = wardPot.getByRole('meter');
    await expect.poll(() => meter.getAttribute('max')).toBe('30000');
    await expect.poll(() => wardPot.locator('.ballot-budget__text').textContent()).toBe('£0 of £30,000 used, £30,000 left (at least £15,000 needed)');
    expect(await page.getByText('Choose projects worth at least £15,000 in all.').isVisible()).toBe(true);

    await page.getByRole('checkbox', { name: /Chalk wall/ }).check();
    await page.getByRole('button', { name: 'Review my choices' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Choose projects worth at least £15,000 in');
    await page.getByRole('checkbox', { name: /Accessible swings/ }).check();
    await expect.poll(() => wardPot.locator('.ballot-budget__text').textContent()).toBe('£20,500 of £30,000 used, £9,500 left');
    expect(await meter.getAttribute('value')).toBe('20500');
    const shelter = page.getByRole('checkbox', { name: /Rain shelter/ });
    expect(await shelter.isDisabled()).toBe(true);
    expect(await page.getByText('Would go over the budget by £1,500').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Solar path lights/ }).isDisabled()).toBe(false);
    // The page fits the phone: nothing makes it scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAccessibilityViolations(page);

    await review(page, cycle, ['Accessible swings (£14,000)', 'Chalk wall (£6,500)']);
    const first = await castFromReview(page, 'Cast my vote');

    await page.getByRole('button', { name: 'Change my vote' }).click();
    await page.getByRole('checkbox', { name: /Chalk wall/ }).uncheck();
    await shelter.check();
    await expect.poll(() => wardPot.locator('.ballot-budget__text').textContent()).toBe('£25,000 of £30,000 used, £5,000 left');
    await review(page, cycle, ['Accessible swings (£14,000)', 'Rain shelter (£11,000)']);
    const second = await castFromReview(page, 'Replace my vote');
    await checkReceipts(page, cycle, second, first);
  });

  it('spreads points on a cumulative ballot within the total and the per-project cap', async () => {
    const cycle = await createVotingCycle({
      ballot: { kind: 'cumulative', points: 5, perProjectCap: 3 },
      projects: [
        { title: 'Community fridge', cost: 4_000 },
        { title: 'Repair café tools', cost: 2_500 },
        { title: 'Bike racks', cost: 6_000 },
      ],
    });
    await signIn(page, voter.email, voter.password);
    await openBallot(page, cycle);
    const wardPot = page.getByRole('region', { name: /budget £30,000/ });
    const total = wardPot.locator('.ballot-remaining');
    await expect.poll(() => total.textContent()).toBe('0 of 5 points used');

    const fridge = page.getByRole('spinbutton', { name: /Community fridge/ });
    await fridge.fill('9');
    await expect.poll(() => fridge.inputValue()).toBe('3');
    await expect.poll(() => total.textContent()).toBe('3 of 5 points used');
    await page.getByRole('button', { name: 'One point more for Repair café tools' }).click();
    await page.getByRole('button', { name: 'One point more for Repair café tools' }).click();
    await expect.poll(() => total.textContent()).toBe('5 of 5 points used');
    expect(await page.getByRole('button', { name: 'One point more for Bike racks' }).isDisabled()).toBe(true);
    await expectNoAccessibilityViolations(page);

    await review(page, cycle, ['Community fridge: 3 points', 'Repair café tools: 2 points']);
    const first = await castFromReview(page, 'Cast my vote');

    await page.getByRole('button', { name: 'Change my vote' }).click();
    await expect.poll(() => fridge.inputValue()).toBe('3');
    await page.getByRole('button', { name: 'One point fewer for Community fridge' }).click();
    await page.getByRole('spinbutton', { name: /Bike racks/ }).fill('1');
    await expect.poll(() => total.textContent()).toBe('5 of 5 points used');
    await review(page, cycle, ['Community fridge: 2 points', 'Repair café tools: 2 points', 'Bike racks: 1 point']);
    const second = await castFromReview(page, 'Replace my vote');
    await checkReceipts(page, cycle, second, first);
  });

  it('ranks projects with the keyboard alone, announcing each new position', async () => {
    const cycle = await createVotingCycle({
      ballot: { kind: 'ranked', maxRanks: 2 },
      projects: [
        { title: 'Allotment gate', cost: 9_000 },
        { title: 'Bandstand paint', cost: 7_000 },
        { title: 'Community orchard', cost: 3_000 },
      ],
    });
    await signIn(page, voter.email, voter.password);
    await openBallot(page, cycle);
    const wardPot = page.getByRole('region', { name: /budget £30,000/ });
    const announcement = wardPot.locator('[aria-live="polite"]');
    const ranking = () => wardPot.locator('.ranking__title').allTextContents();

    await wardPot.getByRole('button', { name: 'Add to my ranking: Allotment gate' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ranking()).toEqual(['Allotment gate']);
    await expect.poll(() => announcement.textContent()).toBe('Allotment gate added as number 1 of 1');
    expect((await focused(page)).id).toMatch(/-remove-/);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Add to my ranking');
    await page.keyboard.press('Enter');
    await expect.poll(() => ranking()).toEqual(['Allotment gate', 'Bandstand paint']);
    await expect.poll(() => announcement.textContent()).toBe('Bandstand paint added as number 2 of 2');
    // Two is the most: the last project cannot be added.
    expect(await wardPot.getByRole('button', { name: 'Add to my ranking: Community orchard' }).isDisabled()).toBe(true);

    // Focus is on "Move Bandstand paint up": Space moves it to the top and focus follows it.
    await page.keyboard.press('Space');
    await expect.poll(() => ranking()).toEqual(['Bandstand paint', 'Allotment gate']);
    await expect.poll(() => announcement.textContent()).toBe('Bandstand paint is now number 1 of 2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move down: Bandstand paint');
    await expectNoAccessibilityViolations(page);

    await review(page, cycle, ['Bandstand paint', 'Allotment gate']);
    const first = await castFromReview(page, 'Cast my vote');

    await page.getByRole('button', { name: 'Change my vote' }).click();
    await expect.poll(() => ranking()).toEqual(['Bandstand paint', 'Allotment gate']);
    await wardPot.getByRole('button', { name: 'Remove Allotment gate' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => announcement.textContent()).toBe('Allotment gate removed from your ranking');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Add to my ranking: Allotment gate');
    await wardPot.getByRole('button', { name: 'Add to my ranking: Community orchard' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => ranking()).toEqual(['Community orchard', 'Bandstand paint']);
    await review(page, cycle, ['Community orchard', 'Bandstand paint']);
    const second = await castFromReview(page, 'Replace my vote');
    await checkReceipts(page, cycle, second, first);
  });

  it("shows a resident from a ward outside the cycle the server's reason they cannot vote", async () => {
    const cycle = await createVotingCycle({ ballot: { kind: 'approval' }, projects: [{ title: 'Town hall ramp', cost: 5_000 }] });
    const [, otherWard] = await demoWards();
    const outsider = await registerVoter('outsider', otherWard?.id);
    await signIn(page, outsider.email, outsider.password);
    await page.goto(`/cycles/${cycle.id}/vote`);
    await expectPage(page, `Vote in ${cycle.name}`);
    expect(await page.getByRole('heading', { name: 'You cannot vote in this cycle' }).isVisible()).toBe(true);
    expect(await page.getByText('Your home ward is not part of this cycle').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox').count()).toBe(0);
  });
});

describe.skipIf(skipReason !== '')('the paper-ballot desk in the browser', () => {
  const browser = useBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await browser.open();
  });

  it('lets staff verify a ward and enter a paper ballot, and turns away a resident who voted online', async () => {
    const cycle = await createVotingCycle({
      ballot: { kind: 'approval', maxCount: 2 },
      eligibility: { wardEstablishment: 'verified' },
      projects: [
        { title: 'Allotment water butts', cost: 2_000 },
        { title: 'Noticeboard', cost: 1_000 },
      ],
    });
    const paperVoter = await registerVoter('paper');
    const onlineVoter = await registerVoter('online');
    await verifyWardThroughApi(cycle.id, onlineVoter.email);
    await castThroughApi(cycle.id, onlineVoter);

    await signIn(page, STAFF_EMAIL, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Paper ballots' }).click();
    await expectPage(page, 'Paper ballots');
    await page.getByRole('link', { name: `Enter paper ballots for ${cycle.name}` }).click();
    await expectPage(page, `Paper ballots: ${cycle.name}`);

    await page.getByLabel('Resident’s name or email address').fill(paperVoter.email);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const card = page.locator('.voter-card').filter({ hasText: paperVoter.email });
    await expect.poll(() => card.getByText('Has not voted yet').isVisible()).toBe(true);
    expect(await card.getByText('Verify this resident’s home ward (below) before entering their ballot.').isVisible()).toBe(true);
    await expectNoAccessibilityViolations(page);

    await card.getByRole('button', { name: 'Verify ward' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('home ward is verified as');
    await expect.poll(() => card.getByRole('button', { name: `Enter paper ballot for ${paperVoter.displayName}` }).isVisible()).toBe(true);
    await card.getByRole('button', { name: `Enter paper ballot for ${paperVoter.displayName}` }).click();
    await expectPage(page, `Paper ballot of ${paperVoter.displayName}`);
    await page.getByRole('checkbox', { name: /Noticeboard/ }).check();
    await page.getByRole('button', { name: 'Check the paper ballot' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your choices' }).isVisible()).toBe(true);
    expect((await page.locator('.ballot-summary li').allTextContents()).map((text) => text.trim())).toEqual(['Noticeboard (£1,000)']);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Enter this paper ballot' }).click();
    await expectPage(page, 'Paper ballot entered');
    expect((await page.getByTestId('receipt-code').textContent())?.trim()).toMatch(RECEIPT);

    await page.getByRole('button', { name: 'Enter another paper ballot' }).click();
    await expectPage(page, `Paper ballots: ${cycle.name}`);
    await expect.poll(() => card.getByText('Has already voted on paper', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: /Enter paper ballot/ }).count()).toBe(0);

    await page.getByLabel('Resident’s name or email address').fill(onlineVoter.email);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const onlineCard = page.locator('.voter-card').filter({ hasText: onlineVoter.email });
    await expect.poll(() => onlineCard.getByText('Has already voted online', { exact: true }).isVisible()).toBe(true);
    expect(await onlineCard.getByText('This resident has already voted online. Their paper ballot cannot be accepted').isVisible()).toBe(true);
    expect(await onlineCard.getByRole('button', { name: /Enter paper ballot/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });
});
