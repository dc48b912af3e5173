import type { Milestone, MilestoneCreate } from '@allot/shared';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { draftOf, MILESTONE_FIELDS, MILESTONE_STATUS_OPTIONS, parseMilestone, type MilestoneField } from '../model';

interface MilestoneFormProps {
  /** Keeps ids unique when several forms are on the page ("new", or the milestone's id). */
  idPrefix: string;
  milestone?: Milestone;
  /** Names the form for assistive technology, e.g. "Add a milestone". */
  label: string;
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved; rejects with the API error to show. */
  onSubmit: (milestone: MilestoneCreate) => Promise<unknown>;
  onCancel?: () => void;
  /** Empty the form after a successful save (adding one milestone after another). */
  resetOnSave?: boolean;
}

export function MilestoneForm({ idPrefix, milestone, label, submitLabel, pending, onSubmit, onCancel, resetOnSave = false }: MilestoneFormProps) {
  const [errors, setErrors] = useState<FormErrors<MilestoneField>>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldInfo: Record<MilestoneField, { id: string; label: string }> = {
    title: { id: `${idPrefix}-title`, label: 'Milestone' },
    status: { id: `${idPrefix}-status`, label: 'Status' },
    dueOn: { id: `${idPrefix}-due`, label: 'Due date (optional)' },
    completedOn: { id: `${idPrefix}-completed`, label: 'Completed date (optional)' },
  };
  const initial = draftOf(milestone);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = parseMilestone({
      title: String(data.get('title') ?? ''),
      status: String(data.get('status') ?? ''),
      dueOn: String(data.get('dueOn') ?? ''),
      completedOn: String(data.get('completedOn') ?? ''),
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(NO_ERRORS);
    onSubmit(result.value)
      .then(() => {
        if (resetOnSave) formRef.current?.reset();
      })
      .catch((error: unknown) => setErrors(errorsFromApi(error, MILESTONE_FIELDS)));
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={label}>
      <ErrorSummary errors={errors} fields={fieldInfo} />
      <TextField id={fieldInfo.title.id} name="title" label={fieldInfo.title.label} hint="What will be done, for example “Order the play equipment”." defaultValue={initial.title} error={errors.fields.title} />
      <SelectField
        id={fieldInfo.status.id}
        name="status"
        label={fieldInfo.status.label}
        options={MILESTONE_STATUS_OPTIONS}
        defaultValue={initial.status}
        className="input select input--medium"
        error={errors.fields.status}
      />
      <div className="date-pair">
        <TextField id={fieldInfo.dueOn.id} name="dueOn" type="date" label={fieldInfo.dueOn.label} defaultValue={initial.dueOn} error={errors.fields.dueOn} />
        <TextField
          id={fieldInfo.completedOn.id}
          name="completedOn"
          type="date"
          label={fieldInfo.completedOn.label}
          hint="Only for a milestone that is done."
          defaultValue={initial.completedOn}
          error={errors.fields.completedOn}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
