import { SetRolesRequest, type Role, type UserSummary, type Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SuccessMessage } from '../../../components/messages';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { ROLE_LABELS, ROLES } from '../../../lib/roles';
import { useSetUserRoles } from '../api/set-user-roles';

const FIELDS = ['roles', 'councillorWardIds'] as const;
type Field = (typeof FIELDS)[number];

interface UserRolesFormProps {
  user: UserSummary;
  /** Wards a councillor can be given (loaded by the page). */
  wards: readonly Ward[];
}

/** Replace one account's roles. The server checks the rules; this form only helps fill it in. */
export function UserRolesForm({ user, wards }: UserRolesFormProps) {
  const setRoles = useSetUserRoles();
  const [roles, setRoleSelection] = useState<Role[]>(user.roles);
  const [wardIds, setWardIds] = useState<string[]>(user.councillorWardIds);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const idPrefix = `user-${user.id}`;
  const fieldInfo: Record<Field, { id: string; label: string }> = {
    roles: { id: `${idPrefix}-role-${ROLES[0] ?? 'resident'}`, label: 'Roles' },
    councillorWardIds: { id: `${idPrefix}-ward-${wards[0]?.id ?? 'none'}`, label: 'Wards' },
  };
  const isCouncillor = roles.includes('councillor');

  function toggle<T extends string>(list: T[], value: T, checked: boolean): T[] {
    return checked ? [...list, value] : list.filter((item) => item !== value);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const parsed = SetRolesRequest.safeParse({ roles, councillorWardIds: isCouncillor ? wardIds : [] });
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error, FIELDS));
      return;
    }
    if (isCouncillor && parsed.data.councillorWardIds.length === 0) {
      setErrors({ fields: { councillorWardIds: 'Choose at least one ward for this councillor' }, general: [] });
      return;
    }
    setErrors(NO_ERRORS);
    setRoles.mutate(
      { userId: user.id, request: parsed.data },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => setErrors(errorsFromApi(error, FIELDS)),
      },
    );
  }

  return (
    <form className="form form--compact" onSubmit={handleSubmit} noValidate aria-label={`Roles for ${user.displayName}`}>
      <ErrorSummary errors={errors} fields={fieldInfo} />
      {saved ? (
        <SuccessMessage>
          Roles saved for {user.displayName}. They have been signed out and will see the change when they next sign in.
        </SuccessMessage>
      ) : null}
      <fieldset
        className={errors.fields.roles ? 'fieldset field--error' : 'fieldset'}
        aria-describedby={errors.fields.roles ? `${idPrefix}-roles-error` : undefined}
      >
        <legend className="fieldset__legend">Roles for {user.displayName}</legend>
        {errors.fields.roles ? (
          <p id={`${idPrefix}-roles-error`} className="field__error">
            <span className="visually-hidden">Error: </span>
            {errors.fields.roles}
          </p>
        ) : null}
        <div className="checkboxes">
          {ROLES.map((role) => (
            <div className="checkbox" key={role}>
              <input
                id={`${idPrefix}-role-${role}`}
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={(event) => setRoleSelection(toggle(roles, role, event.target.checked))}
              />
              <label htmlFor={`${idPrefix}-role-${role}`}>{ROLE_LABELS[role]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {isCouncillor ? (
        <fieldset
          className={errors.fields.councillorWardIds ? 'fieldset field--error' : 'fieldset'}
          aria-describedby={errors.fields.councillorWardIds ? `${idPrefix}-wards-error` : undefined}
        >
          <legend className="fieldset__legend">Wards {user.displayName} represents as councillor</legend>
          {errors.fields.councillorWardIds ? (
            <p id={`${idPrefix}-wards-error`} className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.fields.councillorWardIds}
            </p>
          ) : null}
          <div className="checkboxes">
            {wards.map((ward) => (
              <div className="checkbox" key={ward.id}>
                <input
                  id={`${idPrefix}-ward-${ward.id}`}
                  type="checkbox"
                  name="councillorWardIds"
                  value={ward.id}
                  checked={wardIds.includes(ward.id)}
                  aria-invalid={errors.fields.councillorWardIds ? true : undefined}
                  onChange={(event) => setWardIds(toggle(wardIds, ward.id, event.target.checked))}
                />
                <label htmlFor={`${idPrefix}-ward-${ward.id}`}>{ward.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <button className="button button--secondary" type="submit" disabled={setRoles.isPending}>
        {setRoles.isPending ? 'Saving…' : `Save roles for ${user.displayName}`}
      </button>
    </form>
  );
}
