import { LoginRequest, type Session } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextField } from '../../../components/fields';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { useSignIn } from '../api/sign-in';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_INFO: Record<Field, { id: string; label: string }> = {
  email: { id: 'sign-in-email', label: 'Email address' },
  password: { id: 'sign-in-password', label: 'Password' },
};

export function SignInForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const signIn = useSignIn();
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    const parsed = LoginRequest.safeParse(raw);
    if (!parsed.success) {
      setErrors(
        errorsFromZod(parsed.error, FIELDS, (field) =>
          field === 'email' && raw.email.trim() === '' ? 'Enter your email address' : undefined,
        ),
      );
      return;
    }
    setErrors(NO_ERRORS);
    signIn.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => setErrors(errorsFromApi(error, FIELDS)),
    });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      <TextField
        id={FIELD_INFO.email.id}
        name="email"
        type="email"
        label={FIELD_INFO.email.label}
        autoComplete="email"
        spellCheck={false}
        error={errors.fields.email}
      />
      <TextField
        id={FIELD_INFO.password.id}
        name="password"
        type="password"
        label={FIELD_INFO.password.label}
        autoComplete="current-password"
        error={errors.fields.password}
      />
      <button className="button" type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
