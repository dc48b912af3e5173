import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { getReviewItem } from './get-review-item';

const PROPOSAL_ID = '00000000-0000-4000-8000-0000000000aa';

const item = {
  proposalId: PROPOSAL_ID,
  potId: '00000000-0000-4000-8000-0000000000bb',
  wardId: null,
  title: 'Benches along the river path',
  category: 'parks-and-green-spaces',
  status: 'shortlisted',
  estimatedCost: 12_000,
  supportCount: 4,
  review: null,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function envelope(statusCode: number, message: string) {
  return { statusCode, error: 'Error', message, requestId: 'req' };
}

describe('one proposal’s review-queue entry', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('asks for the one proposal, not the whole queue', async () => {
    fetchMock.mockResolvedValueOnce(json(200, item));
    expect(await getReviewItem(PROPOSAL_ID)).toEqual(item);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([`/api/proposals/${PROPOSAL_ID}/review`]);
  });

  it('answers null when the proposal is not in the review queue', async () => {
    fetchMock.mockResolvedValueOnce(json(404, envelope(404, 'This proposal is not in the review queue')));
    expect(await getReviewItem(PROPOSAL_ID)).toBeNull();
  });

  it('passes any other failure on', async () => {
    fetchMock.mockResolvedValueOnce(json(403, envelope(403, 'Only council staff can do this')));
    const failure = await getReviewItem(PROPOSAL_ID).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(403);
  });
});
