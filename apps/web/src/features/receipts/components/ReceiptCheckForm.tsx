import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { normaliseReceiptCode } from '../receipt-code';

type Field = 'cycle' | 'code';

interface ReceiptCheckFormProps {
  cycles: readonly { id: string; name: string }[];
  initialCycleId: string;
  initialCode: string;
  onCheck: (cycleId: string, code: string) => void;
}

/** Which cycle and which receipt code to look for on the counted-ballots board. */
export function ReceiptCheckForm({ cycles, initialCycleId, initialCode, onCheck }: ReceiptCheckFormProps) {
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const cycleId = String(data.get('cycle') ?? '');
    const typed = String(data.get('code') ?? '');
    const code = normaliseReceiptCode(typed);
    const next: FormErrors<Field> = { fields: {}, general: [] };
    if (cycleId === '') next.fields.cycle = 'Choose the budget cycle you voted in';
    if (typed.trim() === '') next.fields.code = 'Enter your receipt code';
    else if (code === null) next.fields.code = 'Enter the receipt code as it was shown, like K7QM-3XPA-9D2F';
    setErrors(next);
    if (cycleId !== '' && code !== null) onCheck(cycleId, code);
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-label="Check a receipt">
      <ErrorSummary
        errors={errors}
        fields={{ cycle: { id: 'receipt-cycle', label: 'Budget cycle' }, code: { id: 'receipt-code', label: 'Receipt code' } }}
      />
      <SelectField
        id="receipt-cycle"
        name="cycle"
        label="Budget cycle"
        placeholder="Choose a cycle"
        options={cycles.map((cycle) => ({ value: cycle.id, label: cycle.name }))}
        defaultValue={initialCycleId}
        key={`cycle-${initialCycleId}`}
        error={errors.fields.cycle}
      />
      <TextField
        id="receipt-code"
        name="code"
        label="Receipt code"
        hint="The 12-character code you were given when you voted, for example K7QM-3XPA-9D2F."
        autoComplete="off"
        spellCheck={false}
        className="input--medium receipt-input"
        defaultValue={initialCode}
        key={`code-${initialCode}`}
        error={errors.fields.code}
      />
      <button type="submit" className="button">
        Check my receipt
      </button>
    </form>
  );
}
