import type { Me } from '@allot/shared';
import { describeRoles } from '../../../lib/roles';

interface AccountDetailsProps {
  user: Me;
  /** The home ward's name, looked up by the page (the account only holds its id). */
  homeWardName: string | null;
}

export function AccountDetails({ user, homeWardName }: AccountDetailsProps) {
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Email address</dt>
        <dd>{user.email}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Home ward</dt>
        <dd>{homeWardName ?? (user.homeWardId ? 'Unknown ward' : 'Not set')}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Year of birth</dt>
        <dd>{user.birthYear ?? 'Not set'}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Roles</dt>
        <dd>{describeRoles(user.roles)}</dd>
      </div>
    </dl>
  );
}
