import { CycleCreate, type BallotKind, type Cycle, type CycleCreateInput, type CycleUpdate, type Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api-client';
import { NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import {
  BALLOT_KIND_LABELS,
  CITY_WIDE,
  draftFromCycle,
  potBalance,
  potKeysSent,
  requestFromDraft,
  SCHEDULED_PHASES,
  TALLY_RULE_LABELS,
  tallyRulesFor,
  type CycleDraft,
  type RoundDraft,
} from '../form-model';
import { formatMoney, PHASE_LABELS } from '../format';

type FieldInfo = Record<string, { id: string; label: string }>;

interface CycleFormProps {
  /** The cycle being edited; omit to create one. */
  cycle?: Cycle;
  wards: readonly Ward[];
  submitLabel: string;
  pending: boolean;
  /** Create: the whole cycle. Edit: only the parts that changed. Rejects with the API error to show. */
  onSubmit: (request: CycleCreateInput | CycleUpdate) => Promise<unknown>;
}

const TOP_LEVEL = ['name', 'description', 'currency', 'totalBudget', 'pots', 'schedule', 'rounds', 'ballot', 'tally', 'eligibility'] as const;

/** Every control that can carry an error: its id (for the summary link) and its name in the summary. */
function fieldInfoFor(draft: CycleDraft, wards: readonly Ward[]): FieldInfo {
  const info: FieldInfo = {
    name: { id: 'cycle-name', label: 'Name' },
    description: { id: 'cycle-description', label: 'Description' },
    currency: { id: 'cycle-currency', label: 'Currency' },
    totalBudget: { id: 'cycle-total', label: 'Total budget' },
    pots: { id: `cycle-pot-${wards[0]?.id ?? CITY_WIDE}`, label: 'Pots' },
    [`pot:${CITY_WIDE}`]: { id: `cycle-pot-${CITY_WIDE}`, label: 'City-wide pot' },
    rounds: { id: 'cycle-round-0-name', label: 'Deliberation rounds' },
    'ballot.kind': { id: 'cycle-ballot-kind', label: 'Ballot' },
    'ballot.minCount': { id: 'cycle-ballot-min', label: 'Fewest projects' },
    'ballot.maxCount': { id: 'cycle-ballot-max', label: 'Most projects' },
    'ballot.points': { id: 'cycle-ballot-points', label: 'Points' },
    'ballot.perProjectCap': { id: 'cycle-ballot-cap', label: 'Most points per project' },
    'ballot.maxRanks': { id: 'cycle-ballot-ranks', label: 'Projects to rank' },
    'tally.rule': { id: 'cycle-tally-rule', label: 'Counting rule' },
    'eligibility.minAge': { id: 'cycle-min-age', label: 'Minimum age' },
    'eligibility.ageOnDate': { id: 'cycle-age-date', label: 'Age on' },
  };
  for (const ward of wards) info[`pot:${ward.id}`] = { id: `cycle-pot-${ward.id}`, label: `Pot for ${ward.name}` };
  for (const phase of SCHEDULED_PHASES) {
    info[`schedule.${phase}.start`] = { id: `cycle-${phase}-start`, label: `${PHASE_LABELS[phase]} start` };
    info[`schedule.${phase}.end`] = { id: `cycle-${phase}-end`, label: `${PHASE_LABELS[phase]} end` };
  }
  draft.rounds.forEach((_round, index) => {
    const parts = { name: 'name', start: 'start', end: 'end', shortlistValue: 'shortlist number' };
    for (const [part, words] of Object.entries(parts)) {
      info[`rounds.${index}.${part}`] = { id: `cycle-round-${index}-${part}`, label: `Round ${index + 1} ${words}` };
    }
  });
  return info;
}

/** Maps an issue path (from zod or the server) to the form control it is about. */
function fieldKeyFor(path: readonly (string | number)[], potKeys: readonly string[], info: FieldInfo): string | undefined {
  const [first, second, third] = path.map(String);
  let key: string | undefined;
  if (first === 'pots' && second !== undefined && /^\d+$/.test(second)) {
    const potKey = potKeys[Number(second)];
    key = potKey === undefined ? 'pots' : `pot:${potKey}`;
  } else if (first === 'rounds' && second !== undefined) {
    key = `rounds.${second}.${third === 'shortlistRule' ? 'shortlistValue' : (third ?? 'name')}`;
  } else if (first === 'schedule' && second !== undefined) {
    key = `schedule.${second}.${third ?? 'start'}`;
  } else if ((first === 'ballot' || first === 'tally' || first === 'eligibility') && second !== undefined) {
    key = `${first}.${second}`;
  } else if (first === 'ballot') {
    key = 'ballot.kind';
  } else {
    key = first;
  }
  if (key !== undefined && info[key] !== undefined) return key;
  if (first !== undefined && info[first] !== undefined) return first;
  return undefined;
}

function reword(key: string, label: string, issue: z.core.$ZodIssue): string {
  if (key === 'name') return 'Enter a name of 2 to 120 characters';
  const isDate = key.endsWith('.start') || key.endsWith('.end') || key === 'eligibility.ageOnDate';
  if (isDate && (issue.code === 'invalid_format' || issue.code === 'invalid_type')) {
    return `Enter the ${label.toLowerCase()} date, for example 2027-03-31`;
  }
  if (issue.code !== 'invalid_type' && !issue.message.startsWith('Invalid')) return issue.message;
  if (key === 'totalBudget' || key.startsWith('pot:')) return 'Enter an amount in whole units, for example 250000';
  if (key.startsWith('ballot.') || key.startsWith('rounds.') || key === 'eligibility.minAge') return 'Enter a whole number';
  return issue.message;
}

function addError(errors: FormErrors<string>, key: string | undefined, message: string) {
  if (key === undefined) {
    if (!errors.general.includes(message)) errors.general.push(message);
  } else {
    errors.fields[key] ??= message;
  }
}

let nextRoundKey = 1000;

/** Create or edit a cycle. Checked with the shared CycleCreate schema before anything is sent. */
export function CycleForm({ cycle, wards, submitLabel, pending, onSubmit }: CycleFormProps) {
  const [draft, setDraft] = useState<CycleDraft>(() => draftFromCycle(cycle, wards));
  const [errors, setErrors] = useState<FormErrors<string>>(NO_ERRORS);
  const info = fieldInfoFor(draft, wards);
  const currency = /^[A-Z]{3}$/.test(draft.currency.trim().toUpperCase()) ? draft.currency.trim().toUpperCase() : 'GBP';
  const balance = potBalance(draft);

  const set = <K extends keyof CycleDraft>(key: K, value: CycleDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setRound = (index: number, changes: Partial<RoundDraft>) =>
    setDraft((current) => ({
      ...current,
      rounds: current.rounds.map((round, position) => (position === index ? { ...round, ...changes } : round)),
    }));
  const err = (key: string) => errors.fields[key];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const potKeys = potKeysSent(draft, wards);
    const parsed = CycleCreate.safeParse(requestFromDraft(draft, wards));
    if (!parsed.success) {
      const found: FormErrors<string> = { fields: {}, general: [] };
      for (const issue of parsed.error.issues) {
        const key = fieldKeyFor(issue.path as (string | number)[], potKeys, info);
        addError(found, key, key === undefined ? issue.message : reword(key, info[key]?.label ?? key, issue));
      }
      setErrors(found);
      return;
    }
    let request: CycleCreateInput | CycleUpdate = parsed.data;
    if (cycle) {
      // Send only what changed: the server refuses changes to parts frozen by the phase (rounds, pots, rules).
      const before = CycleCreate.safeParse(requestFromDraft(draftFromCycle(cycle, wards), wards));
      const changes: Record<string, unknown> = {};
      for (const key of TOP_LEVEL) {
        if (!before.success || JSON.stringify(before.data[key]) !== JSON.stringify(parsed.data[key])) {
          changes[key] = parsed.data[key];
        }
      }
      if (Object.keys(changes).length === 0) {
        setErrors({ fields: {}, general: ['You have not changed anything yet'] });
        return;
      }
      request = changes as CycleUpdate;
    }
    setErrors(NO_ERRORS);
    onSubmit(request).catch((error: unknown) => {
      const found: FormErrors<string> = { fields: {}, general: [] };
      if (error instanceof ApiError) {
        for (const issue of error.envelope.issues ?? []) {
          addError(found, fieldKeyFor(issue.path.split('.').filter(Boolean), potKeys, info), issue.message);
        }
        if (found.general.length === 0 && Object.keys(found.fields).length === 0) found.general.push(error.message);
        else if (!found.general.includes(error.message)) found.general.unshift(error.message);
      } else {
        found.general.push('Something went wrong. Please try again.');
      }
      setErrors(found);
    });
  }

  function changeBallotKind(kind: BallotKind) {
    setDraft((current) => {
      const rules = tallyRulesFor(kind);
      return { ...current, ballotKind: kind, tallyRule: rules.includes(current.tallyRule) ? current.tallyRule : (rules[0] ?? 'greedy') };
    });
  }

  return (
    <form className="form form--wide" onSubmit={handleSubmit} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} fields={info} />

      <h2>About the cycle</h2>
      <TextField id="cycle-name" name="name" label="Name" hint="For example: Riverside 2027." value={draft.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
      <div className={err('description') ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="cycle-description">
          Description
        </label>
        <p id="cycle-description-hint" className="field__hint">
          What this round of participatory budgeting is for, in plain words. Shown on the public cycle page.
        </p>
        {err('description') ? (
          <p id="cycle-description-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('description')}
          </p>
        ) : null}
        <textarea
          id="cycle-description"
          name="description"
          className="input textarea"
          rows={4}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          aria-describedby={err('description') ? 'cycle-description-hint cycle-description-error' : 'cycle-description-hint'}
          aria-invalid={err('description') ? true : undefined}
        />
      </div>
      <TextField id="cycle-currency" name="currency" label="Currency" hint="A three-letter code, for example GBP." className="input--short" autoCapitalize="characters" spellCheck={false} value={draft.currency} onChange={(e) => set('currency', e.target.value)} error={err('currency')} />

      <h2>Budget</h2>
      <TextField id="cycle-total" name="totalBudget" label="Total budget" hint="In whole units, no pence." inputMode="numeric" className="input--medium" value={draft.totalBudget} onChange={(e) => set('totalBudget', e.target.value)} error={err('totalBudget')} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Pots</legend>
        <p className="field__hint">
          Give each ward that takes part a budget. Leave a ward empty to leave it out. A city-wide pot is for projects that
          serve the whole area.
        </p>
        {err('pots') ? (
          <p className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('pots')}
          </p>
        ) : null}
        <div className="pot-grid">
          {[...wards.map((ward) => ({ key: ward.id, label: `Budget for ${ward.name}` })), { key: CITY_WIDE, label: 'Budget for a city-wide pot (optional)' }].map(
            ({ key, label }) => (
              <TextField
                key={key}
                id={`cycle-pot-${key}`}
                name={`pot-${key}`}
                label={label}
                inputMode="numeric"
                className="input--medium"
                value={draft.potBudgets[key] ?? ''}
                onChange={(e) => set('potBudgets', { ...draft.potBudgets, [key]: e.target.value })}
                error={err(`pot:${key}`)}
              />
            ),
          )}
        </div>
        <p className={`pot-balance pot-balance--${balance.kind}`} aria-live="polite">
          {balance.kind === 'ok'
            ? 'The pots add up to the total budget.'
            : balance.kind === 'differ'
              ? `The pots differ from the total budget by ${formatMoney(Math.abs(balance.difference), currency)}: they add up to ${balance.difference > 0 ? 'more' : 'less'} than the total.`
              : 'Enter the total budget and the pot budgets as whole numbers to check they add up.'}
        </p>
      </fieldset>

      <h2>Dates</h2>
      <p className="field__hint">Leave both dates of a phase empty if they are not decided yet.</p>
      {SCHEDULED_PHASES.map((phase) => (
        <fieldset key={phase} className="fieldset date-pair">
          <legend className="fieldset__legend">{PHASE_LABELS[phase]}</legend>
          <TextField id={`cycle-${phase}-start`} name={`${phase}-start`} label={`${PHASE_LABELS[phase]} start`} type="date" className="input--medium" value={draft.schedule[phase].start} onChange={(e) => set('schedule', { ...draft.schedule, [phase]: { ...draft.schedule[phase], start: e.target.value } })} error={err(`schedule.${phase}.start`)} />
          <TextField id={`cycle-${phase}-end`} name={`${phase}-end`} label={`${PHASE_LABELS[phase]} end`} type="date" className="input--medium" value={draft.schedule[phase].end} onChange={(e) => set('schedule', { ...draft.schedule, [phase]: { ...draft.schedule[phase], end: e.target.value } })} error={err(`schedule.${phase}.end`)} />
        </fieldset>
      ))}

      <h2>Deliberation rounds</h2>
      <p className="field__hint">
        Residents discuss and support ideas in one or more rounds. A round can end with a shortlist: only shortlisted ideas
        go on to the council checks.
      </p>
      {err('rounds') ? (
        <p className="field__error">
          <span className="visually-hidden">Error: </span>
          {err('rounds')}
        </p>
      ) : null}
      {draft.rounds.map((round, index) => (
        <fieldset key={round.key} className="fieldset round">
          <legend className="fieldset__legend">Round {index + 1}</legend>
          <TextField id={`cycle-round-${index}-name`} name={`round-${index}-name`} label={`Round ${index + 1} name`} value={round.name} onChange={(e) => setRound(index, { name: e.target.value })} error={err(`rounds.${index}.name`)} />
          <div className="date-pair">
            <TextField id={`cycle-round-${index}-start`} name={`round-${index}-start`} label={`Round ${index + 1} start`} type="date" className="input--medium" value={round.start} onChange={(e) => setRound(index, { start: e.target.value })} error={err(`rounds.${index}.start`)} />
            <TextField id={`cycle-round-${index}-end`} name={`round-${index}-end`} label={`Round ${index + 1} end`} type="date" className="input--medium" value={round.end} onChange={(e) => setRound(index, { end: e.target.value })} error={err(`rounds.${index}.end`)} />
          </div>
          <SelectField
            id={`cycle-round-${index}-shortlist`}
            name={`round-${index}-shortlist`}
            label={`Round ${index + 1} shortlist`}
            value={round.shortlist}
            onChange={(e) => setRound(index, { shortlist: e.target.value as RoundDraft['shortlist'] })}
            options={[
              { value: 'none', label: 'No shortlist: every idea goes on' },
              { value: 'topN', label: 'The ideas with most supports in each area' },
              { value: 'threshold', label: 'Ideas with at least a number of supports' },
            ]}
          />
          {round.shortlist !== 'none' ? (
            <TextField
              id={`cycle-round-${index}-shortlistValue`}
              name={`round-${index}-shortlist-value`}
              label={round.shortlist === 'topN' ? `Round ${index + 1}: how many ideas per area` : `Round ${index + 1}: supports needed`}
              inputMode="numeric"
              className="input--short"
              value={round.shortlistValue}
              onChange={(e) => setRound(index, { shortlistValue: e.target.value })}
              error={err(`rounds.${index}.shortlistValue`)}
            />
          ) : null}
          {draft.rounds.length > 1 ? (
            <button type="button" className="button button--secondary" onClick={() => set('rounds', draft.rounds.filter((_r, position) => position !== index))}>
              Remove round {index + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set('rounds', [...draft.rounds, { key: nextRoundKey++, name: `Round ${draft.rounds.length + 1}`, start: '', end: '', shortlist: 'none', shortlistValue: '' }])}
        >
          Add a round
        </button>
      </p>

      <h2>Ballot and counting</h2>
      <SelectField
        id="cycle-ballot-kind"
        name="ballotKind"
        label="How residents vote"
        value={draft.ballotKind}
        onChange={(e) => changeBallotKind(e.target.value as BallotKind)}
        options={(Object.keys(BALLOT_KIND_LABELS) as BallotKind[]).map((kind) => ({ value: kind, label: BALLOT_KIND_LABELS[kind] }))}
        error={err('ballot.kind')}
      />
      {draft.ballotKind === 'approval' || draft.ballotKind === 'knapsack' ? (
        <div className="date-pair">
          <TextField id="cycle-ballot-min" name="minCount" label="Fewest projects a voter must pick (optional)" inputMode="numeric" className="input--short" value={draft.minCount} onChange={(e) => set('minCount', e.target.value)} error={err('ballot.minCount')} />
          <TextField id="cycle-ballot-max" name="maxCount" label="Most projects a voter may pick (optional)" inputMode="numeric" className="input--short" value={draft.maxCount} onChange={(e) => set('maxCount', e.target.value)} error={err('ballot.maxCount')} />
        </div>
      ) : null}
      {draft.ballotKind === 'cumulative' ? (
        <div className="date-pair">
          <TextField id="cycle-ballot-points" name="points" label="Points each voter spreads" inputMode="numeric" className="input--short" value={draft.points} onChange={(e) => set('points', e.target.value)} error={err('ballot.points')} />
          <TextField id="cycle-ballot-cap" name="perProjectCap" label="Most points on one project (optional)" inputMode="numeric" className="input--short" value={draft.perProjectCap} onChange={(e) => set('perProjectCap', e.target.value)} error={err('ballot.perProjectCap')} />
        </div>
      ) : null}
      {draft.ballotKind === 'ranked' ? (
        <TextField id="cycle-ballot-ranks" name="maxRanks" label="How many projects a voter may rank (optional)" inputMode="numeric" className="input--short" value={draft.maxRanks} onChange={(e) => set('maxRanks', e.target.value)} error={err('ballot.maxRanks')} />
      ) : null}
      <SelectField
        id="cycle-tally-rule"
        name="tallyRule"
        label="Counting rule"
        hint="Only the rules that can count this kind of ballot are offered. Ties go to the cheaper project, then the earlier one."
        value={draft.tallyRule}
        onChange={(e) => set('tallyRule', e.target.value as CycleDraft['tallyRule'])}
        options={tallyRulesFor(draft.ballotKind).map((rule) => ({ value: rule, label: TALLY_RULE_LABELS[rule] }))}
        error={err('tally.rule')}
      />

      <h2>Who can vote</h2>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">How a resident&rsquo;s ward is known</legend>
        <div className="radios">
          {(
            [
              ['self-declared', 'Residents say which ward they live in'],
              ['verified', 'Council staff must verify the ward first'],
            ] as const
          ).map(([value, label]) => (
            <div className="checkbox" key={value}>
              <input type="radio" id={`cycle-ward-${value}`} name="wardEstablishment" value={value} checked={draft.wardEstablishment === value} onChange={() => set('wardEstablishment', value)} />
              <label htmlFor={`cycle-ward-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="date-pair">
        <TextField id="cycle-min-age" name="minAge" label="Minimum age (optional)" inputMode="numeric" className="input--short" value={draft.minAge} onChange={(e) => set('minAge', e.target.value)} error={err('eligibility.minAge')} />
        <TextField id="cycle-age-date" name="ageOnDate" label="Age on this date (optional)" hint="Leave empty to use the first day of voting." type="date" className="input--medium" value={draft.ageOnDate} onChange={(e) => set('ageOnDate', e.target.value)} error={err('eligibility.ageOnDate')} />
      </div>

      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
