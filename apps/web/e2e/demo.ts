/** The demo accounts' password for the server the browser tests start (seeded with SEED_DEMO). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'e2e-demo-password-2026';

export const DEMO_ADMIN_EMAIL = 'admin@demo.test';
