import { describe, expect, it } from 'vitest';
import { expectEnvelope, useTestApp } from '../../test/helpers';

const t = useTestApp({ authRateLimit: { max: 3, windowMs: 60_000 } });

describe('auth rate limit', () => {
  it('answers 429 in the envelope once a client exceeds the configured attempts', async () => {
    const attempt = () => t.http().post('/api/auth/login').send({ email: 'someone@example.test', password: 'wrong password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    const envelope = expectEnvelope(limited, 429);
    expect(envelope.message).toMatch(/try again/i);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('does not limit public reads', async () => {
    for (let i = 0; i < 6; i++) expect((await t.http().get('/api/wards')).status).toBe(200);
  });
});
