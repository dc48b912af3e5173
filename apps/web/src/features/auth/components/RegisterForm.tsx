import { RegisterRequest, type Session, type Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { useRegister } from '../api/register';

const FIELDS = ['displayName', 'email', 'password', 'homeWardId', 'birthYear'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_INFO: Record<Field, { id: string; label: string }> = {
  displayName: { id: 'register-name', label: 'Your name' },
  email: { id: 'register-email', label: 'Email address' },
  password: { id: 'register-password', label: 'Create a password' },
  homeWardId: { id: 'register-ward', label: 'Your home ward' },
  birthYear: { id: 'register-birth-year', label: 'Year you were born' },
};

interface RegisterFormProps {
  /** The wards to choose a home ward from (loaded by the page). */
  wards: readonly Ward[];
  onRegistered: (session: Session) => void;
}

export function RegisterForm({ wards, onRegistered }: RegisterFormProps) {
  const registerAccount = useRegister();
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: Field) => String(data.get(name) ?? '');
    const birthYearText = text('birthYear').trim();
    const raw = {
      displayName: text('displayName'),
      email: text('email'),
      password: text('password'),
      homeWardId: text('homeWardId'),
      birthYear: /^\d+$/.test(birthYearText) ? Number(birthYearText) : Number.NaN,
    };
    const parsed = RegisterRequest.safeParse(raw);
    if (!parsed.success) {
      setErrors(
        errorsFromZod(parsed.error, FIELDS, (field) => {
          // The shared schema's messages fit most cases; these cover values a form cannot send badly.
          if (field === 'email' && raw.email.trim() === '') return 'Enter your email address';
          if (field === 'homeWardId') return 'Choose your home ward';
          if (field === 'birthYear' && birthYearText === '') return 'Enter the year you were born';
          if (field === 'birthYear' && Number.isNaN(raw.birthYear)) {
            return 'Enter the year you were born as 4 digits, for example 1985';
          }
          return undefined;
        }),
      );
      return;
    }
    setErrors(NO_ERRORS);
    registerAccount.mutate(parsed.data, {
      onSuccess: onRegistered,
      onError: (error) => setErrors(errorsFromApi(error, FIELDS)),
    });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Create an account">
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      <TextField
        id={FIELD_INFO.displayName.id}
        name="displayName"
        label={FIELD_INFO.displayName.label}
        hint="Other people see this name next to your proposals and comments."
        autoComplete="name"
        error={errors.fields.displayName}
      />
      <TextField
        id={FIELD_INFO.email.id}
        name="email"
        type="email"
        label={FIELD_INFO.email.label}
        hint="You sign in with this. We never show it to other people."
        autoComplete="email"
        spellCheck={false}
        error={errors.fields.email}
      />
      <TextField
        id={FIELD_INFO.password.id}
        name="password"
        type="password"
        label={FIELD_INFO.password.label}
        hint="Use 8 to 128 characters. A few random words make a strong password."
        autoComplete="new-password"
        error={errors.fields.password}
      />
      <SelectField
        id={FIELD_INFO.homeWardId.id}
        name="homeWardId"
        label={FIELD_INFO.homeWardId.label}
        hint="The area of the council you live in. You vote on projects for this ward."
        placeholder="Choose a ward"
        options={wards.map((ward) => ({ value: ward.id, label: ward.name }))}
        defaultValue=""
        error={errors.fields.homeWardId}
      />
      <TextField
        id={FIELD_INFO.birthYear.id}
        name="birthYear"
        label={FIELD_INFO.birthYear.label}
        hint="For example, 1985. We use it only to check you are old enough to vote."
        inputMode="numeric"
        autoComplete="bday-year"
        className="input--short"
        error={errors.fields.birthYear}
      />
      <button className="button" type="submit" disabled={registerAccount.isPending}>
        {registerAccount.isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
