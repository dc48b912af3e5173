import { ProjectDelivery } from '@allot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectPage, signIn, skipReason, useBrowser } from './browser';
import { api } from './api';
import { DEMO_PASSWORD } from './demo';
import { movePhase, STAFF_EMAIL } from './voting-helpers';
import { castBallotsIn, countAndPublish, createWardVotingCycle, demoWard, type WardCycle } from './ward-figures-helpers';

const FUNDED = 'Benches on the harbour green';
const NOT_FUNDED = 'Harbour light show';

const utcDay = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** Texts of the milestones listed on the page, title and status. */
async function milestones(page: Page): Promise<string[]> {
  const items = page.locator('.milestone-list > li');
  const texts: string[] = [];
  for (const item of await items.all()) {
    texts.push(`${(await item.locator('.milestone__title').textContent())?.trim()} | ${(await item.locator('.milestone__status').textContent())?.trim()}`);
  }
  return texts;
}

describe.skipIf(skipReason !== '')('tracking the delivery of funded projects in the browser', () => {
  const browser = useBrowser();
  let page: Page;
  let cycle: WardCycle;
  let fundedId: string;

  beforeAll(async () => {
    const ward = await demoWard('OH');
    // One voter approves the benches; the light show, with no votes, no longer fits the £30,000 pot.
    cycle = await createWardVotingCycle(
      [ward.id],
      [
        { title: FUNDED, cost: 6_000 },
        { title: NOT_FUNDED, cost: 25_000 },
      ],
    );
    fundedId = cycle.projects[FUNDED] ?? '';
    await castBallotsIn(cycle.id, ward.id, [1990]);
    const results = await countAndPublish(cycle.id);
    const funded = results.pots.flatMap((pot) => pot.funded);
    if (!funded.includes(fundedId) || funded.includes(cycle.projects[NOT_FUNDED] ?? '')) {
      throw new Error(`Unexpected result: funded ${funded.join(', ')}`);
    }
  });
  beforeEach(async () => {
    page = await browser.open();
  });

  it('lets staff record progress, milestones and an update that a signed-out visitor then reads', async () => {
    await signIn(page, STAFF_EMAIL, DEMO_PASSWORD);
    await page.goto(`/proposals/${fundedId}`);
    await expectPage(page, FUNDED);
    await page.getByRole('link', { name: 'See how this project is being delivered' }).click();
    await expectPage(page, FUNDED, `${FUNDED} – Allot`);
    expect((await page.locator('.delivery-progress__text').textContent())?.trim()).toBe('Not started yet (0% done)');
    await page.getByRole('link', { name: 'Update delivery' }).click();
    await expectPage(page, `Update delivery: ${FUNDED}`);

    // Progress: refused out of range (checked before sending), then saved.
    const progress = page.getByLabel('Progress (%)');
    expect(await progress.getAttribute('type')).toBe('number');
    await progress.fill('150');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain('Enter a percentage from 0 to 100');
    expect(await progress.getAttribute('aria-invalid')).toBe('true');
    await expectNoAccessibilityViolations(page);
    await progress.fill('40');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Progress saved' }).textContent()).toContain('Progress saved: 40% done.');

    // Milestones: a bad title is explained; two are added, one is marked done, one edited then deleted.
    const addForm = page.getByRole('form', { name: 'Add a milestone' });
    await addForm.getByLabel('Milestone').fill('ab');
    await addForm.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => addForm.getByRole('alert').textContent()).toContain('Enter a milestone of at least 3 characters');
    await addForm.getByLabel('Milestone').fill('Order the benches');
    await addForm.getByLabel('Due date (optional)').fill('2027-03-31');
    await addForm.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => milestones(page)).toEqual(['Order the benches | Planned, due by 31 March 2027']);
    expect(await addForm.getByLabel('Milestone').inputValue()).toBe('');

    // A completed date on a milestone that is not done is refused before anything is sent.
    await addForm.getByLabel('Milestone').fill('Install the benches');
    await addForm.getByLabel('Status').selectOption({ label: 'In progress' });
    await addForm.getByLabel('Completed date (optional)').fill('2026-01-02');
    await addForm.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => addForm.getByRole('alert').textContent()).toContain('Only a milestone that is done has a completed date');
    await addForm.getByLabel('Completed date (optional)').fill('');
    await addForm.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => milestones(page)).toEqual(['Order the benches | Planned, due by 31 March 2027', 'Install the benches | In progress']);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Mark as done (Order the benches)' }).click();
    await expect.poll(() => milestones(page)).toContain(`Order the benches | Done on ${utcDay(new Date())}`);

    await page.getByRole('button', { name: 'Edit Install the benches' }).click();
    const editForm = page.getByRole('form', { name: 'Edit the milestone Install the benches' });
    await editForm.getByLabel('Milestone').fill('Install the four benches');
    await editForm.getByRole('button', { name: 'Save milestone' }).click();
    await expect.poll(() => milestones(page)).toContain('Install the four benches | In progress');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Edit Install the four benches');

    await page.getByRole('button', { name: 'Delete Install the four benches' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => milestones(page)).toEqual([`Order the benches | Done on ${utcDay(new Date())}`]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'has been deleted' }).isVisible()).toBe(true);

    // A public update: too short, then posted.
    await page.getByRole('textbox', { name: 'Public update' }).fill('Soon.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain('Write an update of at least 10 characters');
    await page.getByRole('textbox', { name: 'Public update' }).fill('The benches have been ordered from a local joiner and arrive in March.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your update has been posted' }).isVisible()).toBe(true);
    await expectNoAccessibilityViolations(page);

    // A signed-out visitor reads it all on the public page, reached from the idea.
    const visitor = await browser.open();
    try {
      await visitor.goto(`/proposals/${fundedId}`);
      await expectPage(visitor, FUNDED);
      await visitor.getByRole('link', { name: 'See how this project is being delivered' }).click();
      await expectPage(visitor, FUNDED);
      expect((await visitor.locator('.delivery-progress__text').textContent())?.trim()).toBe('40% done');
      expect(await visitor.getByRole('progressbar').getAttribute('value')).toBe('40');
      expect(await milestones(visitor)).toEqual([`Order the benches | Done on ${utcDay(new Date())}`]);
      expect(await visitor.locator('.update-list .update__body').allTextContents()).toEqual([
        'The benches have been ordered from a local joiner and arrive in March.',
      ]);
      expect(await visitor.locator('.update-list .update__meta').textContent()).toContain('by Sam Staff');
      expect(await visitor.getByRole('link', { name: 'Update delivery' }).count()).toBe(0);
    } finally {
      await visitor.context().close();
    }

    // The cycle closes while the page is open: the refusal is shown as the API words it, and nothing changes.
    await movePhase(cycle.id, 'implementation');
    await movePhase(cycle.id, 'closed');
    await progress.fill('55');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain(
      'Delivery can only be updated while the cycle is in the results or implementation phase',
    );
    await expectNoAccessibilityViolations(page);
    const delivery = await api(`/api/projects/${fundedId}/implementation`, {}, (json) => ProjectDelivery.parse(json));
    expect(delivery.progress).toBe(40);
  });

  it('shows no delivery page for an idea that was not funded', async () => {
    await page.goto(`/proposals/${cycle.projects[NOT_FUNDED]}`);
    await expectPage(page, NOT_FUNDED);
    expect(await page.getByRole('link', { name: 'See how this project is being delivered' }).count()).toBe(0);
    await page.goto(`/projects/${cycle.projects[NOT_FUNDED]}/delivery`);
    await expectPage(page, 'Project not found');
    expect(await page.getByRole('alert').textContent()).toContain('There is no funded project at this address.');
  });

  it('asks a signed-out visitor to sign in before updating a delivery', async () => {
    await page.goto(`/projects/${fundedId}/delivery/manage`);
    await expectPage(page, 'Sign in to continue');
  });
});
