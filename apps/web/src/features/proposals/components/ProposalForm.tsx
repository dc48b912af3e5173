import {
  DESCRIPTION_MAX,
  PROPOSAL_CATEGORIES,
  PROPOSAL_CATEGORY_LABELS,
  ProposalCreate,
  type Pot,
  type Proposal,
  type ProposalUpdate,
} from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ZodError } from 'zod';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api-client';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';

const FIELDS = [
  'title',
  'description',
  'potId',
  'category',
  'estimatedCost',
  'location',
  'volunteerHours',
  'inKindGoods',
  'matchFunding',
] as const;
type Field = (typeof FIELDS)[number];

const FIELD_INFO: Record<Field, { id: string; label: string }> = {
  title: { id: 'proposal-title', label: 'Title' },
  description: { id: 'proposal-description', label: 'Description' },
  potId: { id: 'proposal-pot', label: 'Area' },
  category: { id: 'proposal-category-field', label: 'Category' },
  estimatedCost: { id: 'proposal-cost', label: 'Estimated cost' },
  location: { id: 'proposal-location', label: 'Location' },
  volunteerHours: { id: 'proposal-hours', label: 'Volunteer hours' },
  inKindGoods: { id: 'proposal-goods', label: 'Goods or services' },
  matchFunding: { id: 'proposal-match', label: 'Match funding' },
};

/**
 * Issue paths name nested fields ("location.description", "contribution.volunteerHours"); the form
 * has one control for each, named after its last part, except the location whose last part would
 * clash with the proposal's own description.
 */
function formPath(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === 'location') return 'location';
  if (first === 'contribution' && second !== undefined) return second;
  return first ?? '';
}

function apiErrors(error: unknown): FormErrors<Field> {
  if (!(error instanceof ApiError) || !error.envelope.issues) return errorsFromApi(error, FIELDS);
  const issues = error.envelope.issues.map((issue) => ({ ...issue, path: formPath(issue.path.split('.').filter(Boolean)) }));
  return errorsFromApi(new ApiError({ ...error.envelope, issues }), FIELDS);
}

/** "12,500" → 12500; "" → undefined; anything else → NaN so the schema reports it. */
function whole(value: FormDataEntryValue | null): number | undefined {
  const cleaned = String(value ?? '').replace(/[,\s£$€]/g, '');
  if (cleaned === '') return undefined;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function text(value: FormDataEntryValue | null): string | undefined {
  const trimmed = String(value ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
}

interface ProposalFormProps {
  /** The proposal being revised; omit to submit a new one. */
  proposal?: Proposal;
  pots: readonly Pot[];
  /** Whether the area can still change (only while ideas are being collected). */
  canChangeArea: boolean;
  submitLabel: string;
  pending: boolean;
  onSubmit: (proposal: ProposalCreate | ProposalUpdate) => Promise<unknown>;
}

/** Submit or revise an idea. Checked with the shared ProposalCreate schema before it is sent. */
export function ProposalForm({ proposal, pots, canChangeArea, submitLabel, pending, onSubmit }: ProposalFormProps) {
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const location = text(data.get('location'));
    const contribution = {
      volunteerHours: whole(data.get('volunteerHours')),
      inKindGoods: text(data.get('inKindGoods')),
      matchFunding: whole(data.get('matchFunding')),
    };
    const hasContribution = Object.values(contribution).some((value) => value !== undefined);
    const raw = {
      title: String(data.get('title') ?? ''),
      description: String(data.get('description') ?? ''),
      potId: canChangeArea ? String(data.get('potId') ?? '') : (proposal?.potId ?? ''),
      category: String(data.get('category') ?? ''),
      estimatedCost: whole(data.get('estimatedCost')),
      location: location === undefined ? null : { description: location },
      contribution: hasContribution ? contribution : null,
    };
    const parsed = ProposalCreate.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [formPath(issue.path)] }));
      setErrors(
        errorsFromZod(new ZodError(issues), FIELDS, (field, issue) => {
          if (field === 'potId') return 'Choose the area the idea is for';
          if (field === 'category') return 'Choose a category';
          if (field === 'estimatedCost') return issue.code === 'invalid_type' ? 'Enter the estimated cost as a whole number, for example 12000' : undefined;
          if ((field === 'volunteerHours' || field === 'matchFunding') && issue.code === 'invalid_type') return 'Enter a whole number, or leave it empty';
          return undefined;
        }),
      );
      return;
    }
    let request: ProposalCreate | ProposalUpdate = parsed.data;
    if (proposal) {
      // Send only what changed: the area, for one, may no longer change after the ideas phase.
      const before: Record<string, unknown> = {
        title: proposal.title,
        description: proposal.description,
        potId: proposal.potId,
        category: proposal.category,
        estimatedCost: proposal.estimatedCost,
        location: proposal.location,
        contribution: proposal.contribution,
      };
      const changes: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(parsed.data)) {
        if (JSON.stringify(value ?? null) !== JSON.stringify(before[key] ?? null)) changes[key] = value;
      }
      if (Object.keys(changes).length === 0) {
        setErrors({ fields: {}, general: ['You have not changed anything yet'] });
        return;
      }
      request = changes as ProposalUpdate;
    }
    setErrors(NO_ERRORS);
    onSubmit(request).catch((error: unknown) => setErrors(apiErrors(error)));
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      <TextField id={FIELD_INFO.title.id} name="title" label="Title" hint="A short name for your idea, for example: Benches along the river path." defaultValue={proposal?.title} error={errors.fields.title} />
      <div className={errors.fields.description ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={FIELD_INFO.description.id}>
          Description
        </label>
        <p id="proposal-description-hint" className="field__hint">
          What you would like to happen, who it helps and why. You can use simple formatting: a blank line starts a new
          paragraph, *stars* make words stand out and lines starting with a dash make a list. Up to{' '}
          {DESCRIPTION_MAX.toLocaleString('en-GB')} characters.
        </p>
        {errors.fields.description ? (
          <p id="proposal-description-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {errors.fields.description}
          </p>
        ) : null}
        <textarea
          id={FIELD_INFO.description.id}
          name="description"
          className="input textarea"
          rows={10}
          defaultValue={proposal?.description}
          aria-invalid={errors.fields.description ? true : undefined}
          aria-describedby={errors.fields.description ? 'proposal-description-hint proposal-description-error' : 'proposal-description-hint'}
        />
      </div>
      {canChangeArea ? (
        <SelectField
          id={FIELD_INFO.potId.id}
          name="potId"
          label="Area"
          hint="The ward your idea is for, or the whole area."
          placeholder="Choose an area"
          defaultValue={proposal?.potId ?? ''}
          options={pots.map((pot) => ({ value: pot.id, label: pot.wardId === null ? `${pot.name} (whole area)` : pot.name }))}
          error={errors.fields.potId}
        />
      ) : null}
      <SelectField
        id={FIELD_INFO.category.id}
        name="category"
        label="Category"
        placeholder="Choose a category"
        defaultValue={proposal?.category ?? ''}
        options={PROPOSAL_CATEGORIES.map((category) => ({ value: category, label: PROPOSAL_CATEGORY_LABELS[category] }))}
        error={errors.fields.category}
      />
      <TextField id={FIELD_INFO.estimatedCost.id} name="estimatedCost" label="Estimated cost" hint="Your best guess in whole pounds. Council staff will check it." inputMode="numeric" className="input--medium" defaultValue={proposal?.estimatedCost} error={errors.fields.estimatedCost} />
      <TextField id={FIELD_INFO.location.id} name="location" label="Location (optional)" hint="Where it would happen, for example: Mill Lane playground." defaultValue={proposal?.location?.description} error={errors.fields.location} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">What you and your neighbours can bring (optional)</legend>
        <TextField id={FIELD_INFO.volunteerHours.id} name="volunteerHours" label="Volunteer hours" inputMode="numeric" className="input--short" defaultValue={proposal?.contribution?.volunteerHours} error={errors.fields.volunteerHours} />
        <TextField id={FIELD_INFO.inKindGoods.id} name="inKindGoods" label="Goods or services" hint="For example: a local nursery will donate plants." defaultValue={proposal?.contribution?.inKindGoods} error={errors.fields.inKindGoods} />
        <TextField id={FIELD_INFO.matchFunding.id} name="matchFunding" label="Match funding" hint="Money from elsewhere, in whole pounds." inputMode="numeric" className="input--medium" defaultValue={proposal?.contribution?.matchFunding} error={errors.fields.matchFunding} />
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
