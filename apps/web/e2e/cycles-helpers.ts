import { Cycle, Proposal, WardList, type CycleCreateInput, type Phase, type ProposalCreate } from '@allot/shared';
import { api } from './api';


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
