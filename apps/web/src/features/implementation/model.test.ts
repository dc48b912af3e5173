import type { Milestone, ProjectUpdate } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { milestoneStatusText, milestonesInOrder, parseMilestone, parseProgress, parseUpdate, progressText, todayIso, updatesNewestFirst } from './model';

const TODAY = '2027-06-15';

describe('progress', () => {
  it('reads a whole percentage, with or without the % sign', () => {
    expect(parseProgress('45')).toEqual({ ok: true, value: { progress: 45 } });
    expect(parseProgress(' 100 % ')).toEqual({ ok: true, value: { progress: 100 } });
    expect(parseProgress('0')).toEqual({ ok: true, value: { progress: 0 } });
  });

  it('explains an empty, fractional, out-of-range or non-numeric progress', () => {
    const message = (text: string) => {
      const result = parseProgress(text);
      return result.ok ? null : result.errors.fields.progress;
    };
    expect(message('')).toBe('Enter how much of the project is done, from 0 to 100');
    expect(message('40.5')).toBe('Enter a whole percentage, for example 40');
    expect(message('101')).toBe('Enter a percentage from 0 to 100');
    expect(message('-1')).toBe('Enter a percentage from 0 to 100');
    expect(message('half')).toBe('Enter the progress as a number from 0 to 100, for example 40');
  });

  it('says in words how far the project is', () => {
    expect(progressText(0)).toBe('Not started yet (0% done)');
    expect(progressText(35)).toBe('35% done');
    expect(progressText(100)).toBe('Complete (100% done)');
  });
});

describe('milestones', () => {
  const draft = { title: 'Order the swings', status: 'planned', dueOn: '', completedOn: '' };

  it('sends empty dates as null', () => {
    expect(parseMilestone(draft, TODAY)).toEqual({ ok: true, value: { title: 'Order the swings', status: 'planned', dueOn: null, completedOn: null } });
    expect(parseMilestone({ ...draft, status: 'done', dueOn: '2027-05-01', completedOn: '2027-06-01' }, TODAY)).toEqual({
      ok: true,
      value: { title: 'Order the swings', status: 'done', dueOn: '2027-05-01', completedOn: '2027-06-01' },
    });
  });

  it('refuses a completed date on a milestone that is not done, or in the future', () => {
    const notDone = parseMilestone({ ...draft, status: 'in_progress', completedOn: '2027-06-01' }, TODAY);
    expect(notDone.ok ? null : notDone.errors.fields.completedOn).toBe(
      'Only a milestone that is done has a completed date: clear the date or set the status to done',
    );
    const future = parseMilestone({ ...draft, status: 'done', completedOn: '2027-06-16' }, TODAY);
    expect(future.ok ? null : future.errors.fields.completedOn).toBe('The completed date cannot be in the future');
  });

  it('explains a short title, an unknown status and a date that is not a date', () => {
    const result = parseMilestone({ title: ' a ', status: 'finished', dueOn: '31/03/2027', completedOn: '' }, TODAY);
    expect(result.ok ? null : result.errors.fields).toEqual({
      title: 'Enter a milestone of at least 3 characters',
      status: 'Choose the status of the milestone',
      dueOn: 'Enter the due date as a real date, for example 31 March 2027',
    });
  });

  it('describes each status in words, with its date', () => {
    expect(milestoneStatusText({ status: 'planned', dueOn: null, completedOn: null })).toBe('Planned');
    expect(milestoneStatusText({ status: 'in_progress', dueOn: '2027-03-31', completedOn: null })).toBe('In progress, due by 31 March 2027');
    expect(milestoneStatusText({ status: 'done', dueOn: '2027-03-31', completedOn: '2027-03-03' })).toBe('Done on 3 March 2027');
    expect(milestoneStatusText({ status: 'done', dueOn: null, completedOn: null })).toBe('Done');
  });

  it('keeps milestones in their planned order', () => {
    const milestone = (id: string, position: number): Milestone => ({
      id,
      projectId: 'p',
      title: id,
      status: 'planned',
      dueOn: null,
      completedOn: null,
      position,
    });
    expect(milestonesInOrder([milestone('b', 2), milestone('a', 1), milestone('c', 3)]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('public updates', () => {
  it('lists the newest first', () => {
    const update = (id: string, postedAt: string): ProjectUpdate => ({ id, body: id, authorName: 'Sam', postedAt });
    const sorted = updatesNewestFirst([update('old', '2027-01-01T10:00:00Z'), update('new', '2027-02-01T10:00:00Z'), update('mid', '2027-01-15T10:00:00Z')]);
    expect(sorted.map((item) => item.id)).toEqual(['new', 'mid', 'old']);
  });

  it('needs 10 to 4,000 characters', () => {
    const message = (body: string) => {
      const result = parseUpdate(body);
      return result.ok ? null : result.errors.fields.body;
    };
    expect(message('   short  ')).toBe('Write an update of at least 10 characters');
    expect(message('x'.repeat(4001))).toBe('Keep the update to 4,000 characters or fewer');
    expect(parseUpdate('  The swings arrived today.  ')).toEqual({ ok: true, value: { body: 'The swings arrived today.' } });
  });
});

describe('today', () => {
  it('is the local calendar date', () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
