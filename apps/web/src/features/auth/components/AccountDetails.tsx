import type { Me, Ward } from '@allot/shared';
import { describeRoles } from '../../../lib/roles';

interface AccountDetailsProps {
  user: Me;
  /** All wards, loaded by the page (the account holds only ward ids); undefined while loading. */
  wards: readonly Ward[] | undefined;
}

export function AccountDetails({ user, wards }: AccountDetailsProps) {
  const wardName = (id: string) =>
    wards === undefined ? 'Loading…' : (wards.find((ward) => ward.id === id)?.name ?? 'Unknown ward');
  const homeWardName = user.homeWardId ? wardName(user.homeWardId) : null;
  const representedWards = user.councillorWardIds.map(wardName);
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
        <dd>{homeWardName ?? 'Not set'}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Year of birth</dt>
        <dd>{user.birthYear ?? 'Not set'}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Roles</dt>
        <dd>{describeRoles(user.roles)}</dd>
      </div>
      {user.roles.includes('councillor') ? (
        <div className="summary-list__row">
          <dt>Wards you represent</dt>
          <dd>{representedWards.length > 0 ? representedWards.join(', ') : 'None yet'}</dd>
        </div>
      ) : null}
    </dl>
  );
}
