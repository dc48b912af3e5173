import { CycleResults } from '@allot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectNoAccessibilityViolations, expectPage, focused, signIn, skipReason, useBrowser } from './browser';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo';
import { api } from './api';
import { createCountingElection, PROJECTS, type CountingElection } from './results-helpers';
import { demoWards } from './voting-helpers';

/** The rows of a pot's project table as [project, outcome] pairs, in the order shown. */
async function outcomes(page: Page, potName: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: `Every project in ${potName}, funded projects first` });
  const rows = table.locator('tbody tr');
  const result: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    result.push([(await row.locator('th').textContent()) ?? '', (await row.locator('.outcome').textContent()) ?? '']);
  }
  return result;
}

describe.skipIf(skipReason !== '')('counting and results in the browser', () => {
  const { open } = useBrowser();
  let election: CountingElection;
  let wardName: string;

  beforeAll(async () => {
    election = await createCountingElection();
    wardName = (await demoWards())[0]?.name ?? '';
  });

  it('keeps the results from residents until an admin has counted, checked and published them', async () => {
    const { cycle, voters } = election;

    // A resident who voted sees that the results are not out yet, and no way to them from the cycle page.
    const resident = await open();
    const [voter] = voters;
    if (!voter) throw new Error('no voter');
    await signIn(resident, voter.email, voter.password);
    await resident.goto(`/cycles/${cycle.id}`);
    await expectPage(resident, cycle.name);
    expect(await resident.getByRole('link', { name: /See the results/ }).count()).toBe(0);
    expect(await resident.getByRole('link', { name: 'Count the votes' }).count()).toBe(0);
    await resident.goto(`/cycles/${cycle.id}/results`);
    await expectPage(resident, `Results: ${cycle.name}`);
    expect(await resident.getByRole('heading', { name: 'The results are not published yet' }).isVisible()).toBe(true);
    expect(await resident.getByText('the votes are being counted').isVisible()).toBe(true);
    expect(await resident.getByRole('table').count()).toBe(0);

    // The admin finds the cycle waiting to be counted on the cycle list.
    const admin = await open();
    await signIn(admin, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Manage cycles' }).click();
    await expectPage(admin, 'Manage cycles');
    await admin.getByRole('link', { name: `Count and publish the votes of ${cycle.name}` }).click();
    await expectPage(admin, `Count the votes: ${cycle.name}`);
    expect(await admin.getByRole('heading', { name: 'What counting does' }).isVisible()).toBe(true);
    expect(await admin.getByText('Method of equal shares', { exact: true }).isVisible()).toBe(true);
    expect(await admin.getByText('The votes of this cycle have not been counted yet.').isVisible()).toBe(true);
    expect(await admin.getByRole('button', { name: 'Publish results' }).count()).toBe(0);

    // Counting stores a result to check: what each pot funds, the money, the ballots and both fingerprints.
    await admin.getByRole('button', { name: 'Count the votes' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'The votes have been counted' }).isVisible()).toBe(true);
    const wardReview = admin.getByRole('region', { name: wardName, exact: true });
    await expect.poll(() => wardReview.locator('dl').textContent()).toContain('Ballots counted5');
    expect(await wardReview.locator('dl').textContent()).toContain('2 projects of 3');
    expect(await wardReview.locator('dl').textContent()).toContain('£20,000 of the £30,000 budget (67%)');
    expect(await wardReview.locator('dl code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await outcomes(admin, wardName)).toEqual([
      [PROJECTS.garden.title, 'Funded'],
      [PROJECTS.shelter.title, 'Funded'],
      [PROJECTS.ramp.title, expect.stringMatching(/^Not funded/)],
    ]);
    expect(await outcomes(admin, 'City-wide')).toEqual([[PROJECTS.map.title, 'Funded']]);
    const firstHash = (await admin.getByTestId('result-hash').textContent()) ?? '';
    expect(firstHash).toMatch(/^[0-9a-f]{64}$/);
    await expectNoAccessibilityViolations(admin);

    // Counting again gives the very same result, and the page says so.
    await admin.getByRole('button', { name: 'Count again' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'identical to the previous count' }).isVisible()).toBe(true);
    expect(await admin.getByTestId('result-hash').textContent()).toBe(firstHash);

    // Before publication an admin can read the full results page, clearly marked as not public.
    await admin.goto(`/cycles/${cycle.id}`);
    await expectPage(admin, cycle.name);
    await admin.getByRole('link', { name: 'See the results before publication' }).click();
    await expectPage(admin, `Results: ${cycle.name}`);
    expect(await admin.getByRole('heading', { name: 'Not published yet — only councillors and admins can see this' }).isVisible()).toBe(true);
    expect(await admin.getByRole('link', { name: /Pabulib/ }).count()).toBe(0);
    // So can a councillor, who cannot count.
    const councillor = await open();
    await signIn(councillor, 'councillor@demo.test', DEMO_PASSWORD);
    await councillor.goto(`/cycles/${cycle.id}`);
    await expectPage(councillor, cycle.name);
    expect(await councillor.getByRole('link', { name: 'Count the votes' }).count()).toBe(0);
    await councillor.getByRole('link', { name: 'See the results before publication' }).click();
    await expectPage(councillor, `Results: ${cycle.name}`);
    expect(await councillor.getByRole('heading', { name: 'Not published yet — only councillors and admins can see this' }).isVisible()).toBe(true);
    // The resident still cannot.
    await resident.reload();
    await expectPage(resident, `Results: ${cycle.name}`);
    expect(await resident.getByRole('heading', { name: 'The results are not published yet' }).isVisible()).toBe(true);

    // A second admin opens the confirmation at the same time; the first one publishes.
    const otherAdmin = await open();
    await signIn(otherAdmin, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await otherAdmin.goto(`/admin/cycles/${cycle.id}/count`);
    await expectPage(otherAdmin, `Count the votes: ${cycle.name}`);
    await otherAdmin.getByRole('button', { name: 'Publish results' }).click();
    await expect.poll(async () => (await focused(otherAdmin)).text).toBe(`Publish the results of ${cycle.name}?`);

    await admin.goto(`/admin/cycles/${cycle.id}/count`);
    await expectPage(admin, `Count the votes: ${cycle.name}`);
    await admin.getByRole('button', { name: 'Publish results' }).click();
    const confirmation = admin.getByRole('region', { name: `Publish the results of ${cycle.name}?` });
    await expect.poll(async () => (await focused(admin)).text).toBe(`Publish the results of ${cycle.name}?`);
    expect(await confirmation.textContent()).toContain(firstHash);
    await expectNoAccessibilityViolations(admin);
    // Cancelling takes the admin back to the button they came from.
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await focused(admin)).text).toBe('Publish results');
    await admin.keyboard.press('Enter');
    await expect.poll(async () => (await focused(admin)).text).toBe(`Publish the results of ${cycle.name}?`);
    await admin.getByRole('button', { name: 'Yes, publish the results' }).click();
    await expect.poll(async () => (await focused(admin)).text).toContain(`The results of ${cycle.name} are published.`);
    await expect.poll(() => admin.getByRole('heading', { name: 'The published count' }).isVisible()).toBe(true);
    expect(await admin.getByRole('button', { name: /Count again|Publish results/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(admin);

    const published = await api(`/api/cycles/${cycle.id}/results`, {}, (json) => CycleResults.parse(json));
    expect(published).toMatchObject({ status: 'published', resultHash: firstHash });

    // The second admin's confirmation is now out of date: the server's reason is shown, the page catches
    // up with the published count, and nothing changed.
    await otherAdmin.getByRole('button', { name: 'Yes, publish the results' }).click();
    const summary = otherAdmin.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('already published');
    expect((await focused(otherAdmin)).text).toContain('There is a problem');
    await expect.poll(() => otherAdmin.getByRole('heading', { name: 'The published count' }).isVisible()).toBe(true);
    expect(await otherAdmin.getByRole('button', { name: /Count again|Publish results/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(otherAdmin);
    expect(await api(`/api/cycles/${cycle.id}/results`, {}, (json) => CycleResults.parse(json))).toEqual(published);

    // The resident now sees the results.
    await resident.reload();
    await expectPage(resident, `Results: ${cycle.name}`);
    expect(await resident.getByRole('heading', { name: /Not published yet/ }).count()).toBe(0);
    expect(await outcomes(resident, wardName)).toHaveLength(3);
  });

  it('shows a signed-out visitor the published results, the steps, how costs were shared and the open data, on a phone too', async () => {
    const { cycle } = election;
    const visitor = await open();
    await visitor.goto(`/cycles/${cycle.id}`);
    await expectPage(visitor, cycle.name);
    await visitor.getByRole('link', { name: 'See the results' }).click();
    await expectPage(visitor, `Results: ${cycle.name}`);
    expect(await visitor.locator('.lead').textContent()).toMatch(/^Published on /);

    // The whole area at a glance, and funded projects per ward as a diagram with a table of the same figures.
    const summary = visitor.getByRole('region', { name: 'Across the whole area' });
    const figures = (await summary.locator('dl').textContent()) ?? '';
    expect(figures).toContain('£24,000 of the £40,000 budget (60%)');
    expect(figures).toContain('Projects funded3');
    expect(figures).toContain('People who voted5');
    const wardTable = visitor.getByRole('table', { name: 'Funded projects per ward' });
    const wardRow = wardTable.getByRole('row').filter({ has: visitor.getByRole('rowheader', { name: wardName, exact: true }) });
    expect(await wardRow.getByRole('cell').allTextContents()).toEqual(['2', '£20,000', '£30,000', expect.any(String)]);

    // Every project with its outcome in words, and why.
    expect(await outcomes(visitor, wardName)).toEqual([
      [PROJECTS.garden.title, 'Funded'],
      [PROJECTS.shelter.title, 'Funded'],
      [PROJECTS.ramp.title, expect.stringMatching(/^Not funded/)],
    ]);
    const wardPot = visitor.getByRole('region', { name: wardName, exact: true });
    const rampRow = wardPot.getByRole('row').filter({ hasText: PROJECTS.ramp.title });
    expect(((await rampRow.getByRole('cell').last().textContent()) ?? '').length).toBeGreaterThan(10);

    // The rule's steps, in order, each labelled with its outcome.
    const steps = wardPot.getByRole('region', { name: 'How the rule decided, step by step' }).getByRole('listitem');
    const stepTexts = await steps.allTextContents();
    expect(stepTexts[0]).toMatch(/^Note: The pot of £30,000 was split equally among the 5 voters: £6,000 each/);
    const funded = stepTexts.filter((text) => text.startsWith('Funded: '));
    expect(funded).toEqual([expect.stringContaining(`1. “${PROJECTS.garden.title}”`), expect.stringContaining(`2. “${PROJECTS.shelter.title}”`)]);
    expect(stepTexts.filter((text) => text.startsWith('Skipped: '))).toEqual([expect.stringContaining(PROJECTS.ramp.title)]);

    // Equal shares: each voter's share, and who paid what towards each funded project.
    const sharing = wardPot.getByRole('region', { name: 'How the cost of each funded project was shared' });
    const sharingText = (await sharing.textContent()) ?? '';
    expect(sharingText).toContain('among the 5 people who voted in it: each started with £6,000');
    expect(sharingText).toContain('Money in the pot not spent on any project: £10,000.');
    const garden = sharing.locator('.cost-sharing__project').filter({ hasText: PROJECTS.garden.title });
    expect(await garden.locator('.cost-sharing__numbers li').allTextContents()).toEqual(['4 supporters paid the full share of £3,000 each: £12,000 in all.']);
    const shelter = sharing.locator('.cost-sharing__project').filter({ hasText: PROJECTS.shelter.title });
    expect(await shelter.locator('.cost-sharing__numbers li').allTextContents()).toEqual([
      '1 supporter paid the full share of £5,000 each: £5,000 in all.',
      '1 supporter had less than that left and paid everything they had: £3,000 in all.',
    ]);
    // The bar is split in the same proportions: £5,000 solid, £3,000 striped, of £8,000.
    expect(await shelter.locator('rect.bar__part--full').getAttribute('width')).toBe('62.5');
    expect(await shelter.locator('rect.bar__part--left').getAttribute('width')).toBe('37.5');

    // Delivery has not started, said in words next to each bar.
    const delivery = wardPot.getByRole('region', { name: 'Delivery progress' });
    expect(await delivery.getByRole('progressbar').count()).toBe(2);
    expect(await delivery.getByText('Not started yet').count()).toBe(2);
    expect(await delivery.getByRole('link', { name: `Milestones and updates for ${PROJECTS.garden.title}` }).isVisible()).toBe(true);

    // The open data: the Pabulib file anyone can count again, and the CSV.
    const pabulib = wardPot.getByRole('link', { name: `Download the ballots of ${wardName} (Pabulib .pb file)` });
    const pbHref = (await pabulib.getAttribute('href')) ?? '';
    const pb = await fetch(`${baseUrl}${pbHref}`);
    expect(pb.status).toBe(200);
    const pbText = await pb.text();
    expect(pbText).toMatch(/^META/);
    expect(pbText).toContain('VOTES');
    const csvHref = (await wardPot.getByRole('link', { name: `Download the results of ${wardName} (CSV file)` }).getAttribute('href')) ?? '';
    const csv = await fetch(`${baseUrl}${csvHref}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(PROJECTS.garden.title);
    await expectNoAccessibilityViolations(visitor);

    // Printing leaves out the site's menus.
    await visitor.emulateMedia({ media: 'print' });
    expect(await visitor.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await visitor.getByRole('button', { name: 'Print these results' }).isVisible()).toBe(false);
    expect(await visitor.getByRole('heading', { name: 'How the rule decided, step by step' }).first().isVisible()).toBe(true);
    await visitor.emulateMedia({ media: 'screen' });

    // On a phone the page never scrolls sideways, and the pots can be reached by keyboard.
    const phone = await open({ width: 390, height: 844 });
    await phone.goto(`/cycles/${cycle.id}/results`);
    await expectPage(phone, `Results: ${cycle.name}`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const cityLink = phone.getByRole('navigation', { name: 'Pots in this cycle' }).getByRole('link', { name: 'City-wide' });
    await cityLink.focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.evaluate(() => window.location.hash)).toMatch(/^#pot-/);
    await expect.poll(() => phone.getByRole('heading', { name: 'City-wide', level: 2 }).isVisible()).toBe(true);
  });
});
