import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePabulib } from '../src/pabulib/read';
import { writePabulib, writePabulibTo } from '../src/pabulib/write';
import { arbitraryInstance } from './helpers/arbitrary';
import { instanceOf, PABULIB_DIR } from './helpers/reference';

const files = readdirSync(PABULIB_DIR).filter((f) => f.endsWith('.pb'));

describe('writePabulib then parsePabulib is the identity', () => {
  it.each(files.map((file) => ({ file })))('on $file', async ({ file }) => {
    const instance = await instanceOf(file);
    expect(parsePabulib(writePabulib(instance))).toEqual(instance);
  });

  it('keeps META values exactly as written in the source file', () => {
    const file = 'Poland_Krakow_2019.pb';
    const original = readFileSync(join(PABULIB_DIR, file), 'utf8');
    const written = writePabulib(parsePabulib(original));
    const metaOf = (text: string) => text.split(/\r?\n/).slice(0, text.split(/\r?\n/).findIndex((l) => l === 'PROJECTS'));
    expect(metaOf(written)).toEqual(metaOf(original.replace(/^\uFEFF/, '')).map((l) => l.replace(/\r$/, '')));
  });

  it('on generated instances of every ballot type, with decimal money', () => {
    fc.assert(
      fc.property(arbitraryInstance({ voteType: undefined }), (instance) => {
        expect(parsePabulib(writePabulib(instance))).toEqual(instance);
      }),
      { numRuns: 200 },
    );
  });

  it('quotes cells holding ; or " so they read back unchanged', () => {
    const instance = parsePabulib(writePabulib(parsePabulib(`META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost;name
a;5;"say ""hi""; then go"
VOTES
voter_id;vote
1;a
`)));
    expect(instance.projects[0]?.fields.name).toBe('say "hi"; then go');
  });

  it('the streaming writer produces the same text', async () => {
    const instance = await instanceOf('Poland_Gdynia_2024.pb');
    let out = '';
    await writePabulibTo(instance, {
      write: (chunk: string) => {
        out += chunk;
        return true;
      },
      once: () => undefined,
    });
    expect(out).toBe(writePabulib(instance));
  });
});
