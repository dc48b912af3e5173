import { Cycle, Proposal, Session, WardList, type CycleCreateInput, type Phase, type ProposalCreate } from '@allot/shared';
import type { Page } from 'playwright-core';
import { baseUrl, expectPage } from './browser';

/** Signs in through the sign-in page and waits for the account page it leads to. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expectPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPage(page, 'My account');
}

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown }, parse: (json: unknown) => T): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} failed: ${response.status} ${await response.text()}`);
  return parse(await response.json());
}

/** An access token for test set-up done straight through the API. */
export async function apiToken(email: string, password: string): Promise<string> {
  const session = await api('/api/auth/login', { method: 'POST', body: { email, password } }, (json) => Session.parse(json));
  return session.accessToken;
}

export async function wardsOfDemo(): Promise<{ id: string; name: string }[]> {
  return api('/api/wards', {}, (json) => WardList.parse(json).wards);
}

/** A cycle with one pot for the first ward (where test residents live) and one for the second. */
export async function createCycle(adminToken: string, name: string): Promise<Cycle> {
  const [first, second] = await wardsOfDemo();
  if (!first || !second) throw new Error('The demo council needs two wards');
  const today = new Date().toISOString().slice(0, 10);
  const body: CycleCreateInput = {
    name,
    description: 'A cycle made by the browser tests.',
    currency: 'GBP',
    totalBudget: 150_000,
    pots: [
      { wardId: first.id, budget: 100_000 },
      { wardId: second.id, budget: 50_000 },
    ],
    schedule: { proposals: { start: today, end: today } },
    rounds: [{ name: 'Round 1', start: today, end: today }],
    ballot: { kind: 'approval' },
    tally: { rule: 'greedy' },
  };
  return api('/api/cycles', { method: 'POST', token: adminToken, body }, (json) => Cycle.parse(json));
}

export async function movePhaseTo(adminToken: string, cycleId: string, to: Phase): Promise<Cycle> {
  return api(`/api/cycles/${cycleId}/phase`, { method: 'POST', token: adminToken, body: { to } }, (json) => Cycle.parse(json));
}

export async function submitProposal(token: string, cycleId: string, proposal: ProposalCreate): Promise<Proposal> {
  return api(`/api/cycles/${cycleId}/proposals`, { method: 'POST', token, body: proposal }, (json) => Proposal.parse(json));
}
