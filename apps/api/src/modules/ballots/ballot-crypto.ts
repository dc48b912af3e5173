import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { PotSelection } from '@allot/shared';

/**
 * The opaque key of a voter's ballot in one cycle. Without the ballot secret nobody can tell
 * whose ballot a row is; with it, the server finds the caller's own ballot and nothing else.
 */
export function voterToken(secret: string, cycleId: string, userId: string): string {
  return createHmac('sha256', secret).update(`${cycleId}:${userId}`).digest('base64url');
}

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** 60 random bits shown as `XXXX-XXXX-XXXX`: easy to read out and to type. */
export function newReceipt(): string {
  let code = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  }
  return code;
}

/**
 * One canonical form per ballot: pots by id; approval/knapsack projects sorted (order means
 * nothing there); points keyed in sorted order; a ranking keeps its order (it is the content).
 */
export function canonicalSelections(selections: readonly PotSelection[]): PotSelection[] {
  return [...selections]
    .sort((a, b) => (a.potId < b.potId ? -1 : a.potId > b.potId ? 1 : 0))
    .map((selection): PotSelection => {
      if ('projects' in selection) return { potId: selection.potId, projects: [...selection.projects].sort() };
      if ('points' in selection) {
        const points: Record<string, number> = {};
        for (const id of Object.keys(selection.points).sort()) points[id] = selection.points[id] ?? 0;
        return { potId: selection.potId, points };
      }
      return { potId: selection.potId, ranking: [...selection.ranking] };
    });
}

/** SHA-256 (hex) of the canonical JSON (keys as built above; JSON.stringify keeps that order). */
export function contentHash(canonical: readonly PotSelection[]): string {
  return contentHashOfJson(JSON.stringify(canonical));
}

/** The same hash from `JSON.stringify(canonical)` already made (the cast stores that text too). */
export function contentHashOfJson(canonicalJson: string): string {
  return createHash('sha256').update(canonicalJson).digest('hex');
}

/** Hash of a request body as given (for idempotency: same key + different body is refused). */
export function requestHash(selections: readonly PotSelection[]): string {
  return createHash('sha256').update(JSON.stringify(selections)).digest('hex');
}

/** Derived once per secret (a process has one or two): every cast with an Idempotency-Key seals. */
const sealingKeys = new Map<string, Buffer>();

function sealingKey(secret: string): Buffer {
  let key = sealingKeys.get(secret);
  if (key === undefined) {
    key = createHmac('sha256', secret).update('allot idempotent answers v1').digest();
    if (sealingKeys.size >= 8) sealingKeys.clear();
    sealingKeys.set(secret, key);
  }
  return key;
}

/** AES-256-GCM, so a stored answer (with its cast time) cannot be joined to participation. */
export function seal(secret: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function unseal<T>(secret: string, sealed: string): T {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (iv === undefined || tag === undefined || body === undefined) throw new Error('malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
}
