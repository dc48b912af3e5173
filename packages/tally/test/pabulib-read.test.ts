import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PabulibError } from '../src/pabulib/errors';
import { parsePabulib, readPabulibFile } from '../src/pabulib/read';

const META = `META
key;value
description;Toy election
country;Nowhere
unit;Toyville
instance;2024
num_projects;3
num_votes;3
budget;100
vote_type;approval
rule;greedy
date_begin;2024
date_end;2024`;

const PROJECTS = `PROJECTS
project_id;cost;votes;name;selected
a;60;2;Park;1
b;50;2;Library;0
c;40;1;Bench;1`;

const VOTES = `VOTES
voter_id;vote
v1;a,b
v2;a,c
v3;b`;

const toy = (parts: { meta?: string; projects?: string; votes?: string } = {}): string =>
  [parts.meta ?? META, parts.projects ?? PROJECTS, parts.votes ?? VOTES].join('\n') + '\n';

function errorOf(text: string): PabulibError {
  try {
    parsePabulib(text);
  } catch (error) {
    if (error instanceof PabulibError) return error;
    throw error;
  }
  throw new Error('expected a PabulibError');
}

describe('parsePabulib', () => {
  it('reads META, PROJECTS and VOTES of a plain approval file', () => {
    const inst = parsePabulib(toy());
    expect(inst.voteType).toBe('approval');
    expect(inst.budget).toBe(100n);
    expect(inst.moneyScale).toBe(0);
    expect(inst.projects.map((p) => [p.id, p.cost])).toEqual([['a', 60n], ['b', 50n], ['c', 40n]]);
    expect(inst.projects[0]?.fields).toEqual({ votes: '2', name: 'Park', selected: '1' });
    expect(inst.ballots.map((b) => [b.voterId, b.projects])).toEqual([['v1', [0, 1]], ['v2', [0, 2]], ['v3', [1]]]);
    expect(inst.meta.get('unit')).toBe('Toyville');
  });

  it('tolerates a BOM, CRLF line endings and blank lines', () => {
    const text = '\uFEFF' + toy().replaceAll('\n', '\r\n').replace('PROJECTS', '\r\nPROJECTS');
    const inst = parsePabulib(text);
    expect(inst.meta.get('description')).toBe('Toy election');
    expect(inst.projects.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(inst.ballots).toHaveLength(3);
  });

  it('splits on ; outside quotes only, with "" as a literal quote and stray quotes dropped', () => {
    const projects = `PROJECTS
project_id;cost;name
a;60;"Czyste Pychowice: kosze; dbamy"
b;50;"&quot;Komputer mój przyjaciel&quot;"
c;40;"Odkupmy" i my - ""zakup""`;
    const inst = parsePabulib(toy({ projects }));
    expect(inst.projects.map((p) => p.fields.name)).toEqual([
      'Czyste Pychowice: kosze; dbamy',
      '&quot;Komputer mój przyjaciel&quot;',
      'Odkupmy i my - zakup',
    ]);
  });

  it('parses decimal and comma-decimal money exactly at the largest scale seen', () => {
    const meta = META.replace('budget;100', 'budget;400000,5');
    const projects = `PROJECTS
project_id;cost
a;200000.0
b;2458488.22
c;7`;
    const inst = parsePabulib(toy({ meta, projects, votes: 'VOTES\nvoter_id;vote\nv1;a' }));
    expect(inst.moneyScale).toBe(2);
    expect(inst.budget).toBe(40000050n);
    expect(inst.projects.map((p) => p.cost)).toEqual([20000000n, 245848822n, 700n]);
  });

  it('keeps unknown META keys and extra VOTES columns, and treats None as no value in votes', () => {
    const meta = META + '\nneighborhoods;1\nfuture_key;some;value';
    const votes = `VOTES
voter_id;vote;age;sex
v1;a,b;34;F
v2;None;;M`;
    const inst = parsePabulib(toy({ meta, votes }));
    expect(inst.meta.get('neighborhoods')).toBe('1');
    expect(inst.meta.get('future_key')).toBe('some;value');
    expect(inst.ballots[0]?.fields).toEqual({ age: '34', sex: 'F' });
    expect(inst.ballots[1]?.projects).toEqual([]);
  });

  it('counts a project listed twice on an approval ballot once', () => {
    const inst = parsePabulib(toy({ votes: 'VOTES\nvoter_id;vote\nv1;a,a,b' }));
    expect(inst.ballots[0]?.projects).toEqual([0, 1]);
  });

  it('reads cumulative ballots with aligned points and ordinal ballots in rank order', () => {
    const cumulative = parsePabulib(
      toy({ meta: META.replace('vote_type;approval', 'vote_type;cumulative'), votes: 'VOTES\nvoter_id;vote;points\nv1;a,b;3,2\nv2;c,a;4,1' }),
    );
    expect(cumulative.ballots.map((b) => [b.projects, b.points])).toEqual([[[0, 1], [3, 2]], [[2, 0], [4, 1]]]);
    const ordinal = parsePabulib(toy({ meta: META.replace('vote_type;approval', 'vote_type;ordinal'), votes: 'VOTES\nvoter_id;vote\nv1;b,a\nv2;a' }));
    expect(ordinal.voteType).toBe('ordinal');
    expect(ordinal.ballots[0]?.projects).toEqual([1, 0]);
    const choose1 = parsePabulib(toy({ meta: META.replace('vote_type;approval', 'vote_type;choose-1'), votes: 'VOTES\nvoter_id;vote\nv1;b' }));
    expect(choose1.voteType).toBe('choose-1');
    const scoring = parsePabulib(toy({ meta: META.replace('vote_type;approval', 'vote_type;scoring'), votes: 'VOTES\nvoter_id;vote;points\nv1;a,b;-1,2.5' }));
    expect(scoring.ballots[0]?.points).toEqual([-1, 2.5]);
  });

  it('keeps ids as strings (leading zeros, dots, slashes)', () => {
    const projects = 'PROJECTS\nproject_id;cost\n01;10\nVI.6;20\nBO.D18.9/23;30';
    const inst = parsePabulib(toy({ projects, votes: 'VOTES\nvoter_id;vote\nv1;01,BO.D18.9/23' }));
    expect(inst.projects.map((p) => p.id)).toEqual(['01', 'VI.6', 'BO.D18.9/23']);
    expect(inst.ballots[0]?.projects).toEqual([0, 2]);
  });

  it('reads META without its key;value header line', () => {
    const inst = parsePabulib(toy({ meta: META.replace('key;value\n', '') }));
    expect(inst.meta.get('description')).toBe('Toy election');
    expect(inst.budget).toBe(100n);
  });

  it('matches section names case-insensitively', () => {
    const inst = parsePabulib(toy().replace('PROJECTS', 'Projects').replace('VOTES', 'votes'));
    expect(inst.projects).toHaveLength(3);
    expect(inst.ballots).toHaveLength(3);
  });

  it('accepts empty ballots, which still count as voters', () => {
    const inst = parsePabulib(toy({ votes: 'VOTES\nvoter_id;vote\nv1;\nv2;a' }));
    expect(inst.ballots).toHaveLength(2);
    expect(inst.ballots[0]?.projects).toEqual([]);
  });
});

describe('malformed files raise PabulibError with the line and the reason', () => {
  it('missing VOTES section', () => {
    const e = errorOf([META, PROJECTS].join('\n') + '\n');
    expect(e.message).toMatch(/missing section VOTES/);
    expect(e.line).toBe(18);
  });

  it('missing PROJECTS section before VOTES', () => {
    const e = errorOf([META, VOTES].join('\n'));
    expect(e.message).toBe('line 14: missing section PROJECTS before VOTES');
    expect(e.line).toBe(14);
  });

  it('content before the META section', () => {
    const e = errorOf('hello\n' + toy());
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/expected the META section/);
  });

  it('bad number for a cost', () => {
    const e = errorOf(toy({ projects: PROJECTS.replace('b;50;', 'b;50zł;') }));
    expect(e.line).toBe(17);
    expect(e.message).toMatch(/bad number for cost of project "b": "50zł"/);
  });

  it('bad number for the budget', () => {
    const e = errorOf(toy({ meta: META.replace('budget;100', 'budget;a lot') }));
    expect(e.line).toBe(9);
    expect(e.message).toMatch(/bad number for budget/);
  });

  it('budget missing', () => {
    const e = errorOf(toy({ meta: META.replace('budget;100\n', '') }));
    expect(e.message).toMatch(/budget missing/);
    expect(e.line).toBe(13);
  });

  it('vote for an unknown project', () => {
    const e = errorOf(toy({ votes: 'VOTES\nvoter_id;vote\nv1;a\nv2;a,zz' }));
    expect(e.line).toBe(22);
    expect(e.message).toMatch(/voter "v2" votes for unknown project "zz"/);
  });

  it('duplicate project id', () => {
    const e = errorOf(toy({ projects: PROJECTS + '\nb;10;0;Again;0' }));
    expect(e.line).toBe(19);
    expect(e.message).toMatch(/duplicate project id "b"/);
  });

  it('duplicate voter id', () => {
    const e = errorOf(toy({ votes: VOTES + '\nv2;c' }));
    expect(e.line).toBe(24);
    expect(e.message).toMatch(/duplicate voter id "v2"/);
  });

  it('points count mismatch', () => {
    const meta = META.replace('vote_type;approval', 'vote_type;cumulative');
    const e = errorOf(toy({ meta, votes: 'VOTES\nvoter_id;vote;points\nv1;a,b;3,2\nv2;a,b,c;1,1' }));
    expect(e.line).toBe(22);
    expect(e.message).toMatch(/points count mismatch \(3 projects, 2 points\)/);
  });

  it('bad number in points', () => {
    const meta = META.replace('vote_type;approval', 'vote_type;cumulative');
    const e = errorOf(toy({ meta, votes: 'VOTES\nvoter_id;vote;points\nv1;a,b;3,x' }));
    expect(e.line).toBe(21);
    expect(e.message).toMatch(/bad number in points: "x"/);
  });

  it('cumulative file without a points column', () => {
    const e = errorOf(toy({ meta: META.replace('vote_type;approval', 'vote_type;cumulative') }));
    expect(e.line).toBe(20);
    expect(e.message).toMatch(/no points column/);
  });

  it('unknown vote_type', () => {
    const e = errorOf(toy({ meta: META.replace('vote_type;approval', 'vote_type;quadratic') }));
    expect(e.message).toMatch(/unknown vote_type "quadratic"/);
  });

  it('a project listed twice on a cumulative ballot', () => {
    const meta = META.replace('vote_type;approval', 'vote_type;cumulative');
    const e = errorOf(toy({ meta, votes: 'VOTES\nvoter_id;vote;points\nv1;a,a;3,2' }));
    expect(e.line).toBe(21);
    expect(e.message).toMatch(/lists project "a" twice/);
  });

  it('is an Error subclass named PabulibError', () => {
    const e = errorOf(toy({ votes: VOTES + '\nv2;c' }));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PabulibError');
  });
});

describe('readPabulibFile', () => {
  it('streams a file and gives the same instance as parsePabulib, errors included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-'));
    const good = join(dir, 'good.pb');
    await writeFile(good, '\uFEFF' + toy().replaceAll('\n', '\r\n'));
    expect(await readPabulibFile(good)).toEqual(parsePabulib(toy()));
    const bad = join(dir, 'bad.pb');
    await writeFile(bad, toy({ votes: VOTES + '\nv2;c' }).replaceAll('\n', '\r\n'));
    await expect(readPabulibFile(bad)).rejects.toThrow('line 24: duplicate voter id "v2"');
  });
});
