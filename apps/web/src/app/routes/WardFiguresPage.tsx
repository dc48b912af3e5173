import type { Cycle, CycleStats, Me } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/fields';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { CycleList } from '../../features/cycles/components/CycleList';
import { formatMoney } from '../../features/cycles/format';
import { useCycleStats } from '../../features/stats/api/get-cycle-stats';
import { WardStatsSection } from '../../features/stats/components/WardStatsSection';
import { RequireRole } from '../RequireRole';
import { WithCycle } from '../WithCycle';

const READERS = ['councillor', 'admin'] as const;

const generatedFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

function WardFiguresCyclesContent() {
  const cycles = useCycles();
  const shown = cycles.data?.filter((cycle) => cycle.phase !== 'draft') ?? [];
  return (
    <Page title="Ward figures" lead="Turnout, participation and results for the wards you follow. Choose a budget cycle.">
      {cycles.isPending ? <StatusMessage>Loading cycles…</StatusMessage> : null}
      {cycles.isError ? <ProblemMessage title="We could not load the cycles">{cycles.error.message}</ProblemMessage> : null}
      {cycles.data && shown.length === 0 ? <p>There are no budget cycles to show yet.</p> : null}
      {shown.length > 0 ? <CycleList cycles={shown} linkTo={(cycle) => `/cycles/${cycle.id}/stats`} /> : null}
    </Page>
  );
}

/** Councillors and admins start here: every public cycle, each leading to its ward figures. */
export function WardFiguresCyclesPage() {
  return (
    <RequireRole roles={READERS} title="Ward figures">
      <WardFiguresCyclesContent />
    </RequireRole>
  );
}

function WardPicker({ stats, selected, allLabel }: { stats: CycleStats; selected: string; allLabel: string }) {
  const [, setSearchParams] = useSearchParams();
  const [value, setValue] = useState(selected);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearchParams(value ? { ward: value } : {});
    // The figures below change in place: take keyboard and screen reader users to the first ward shown.
    window.setTimeout(() => document.querySelector<HTMLElement>('.ward-stats__title')?.focus(), 0);
  }
  return (
    <form className="stats-picker no-print" onSubmit={handleSubmit} aria-label="Choose a ward">
      <SelectField
        id="stats-ward"
        name="ward"
        label="Ward"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        options={[{ value: '', label: allLabel }, ...stats.wards.map((ward) => ({ value: ward.wardId, label: ward.name }))]}
      />
      <button type="submit" className="button button--secondary">
        Show figures
      </button>
    </form>
  );
}

function WardFiguresContent({ cycle, user }: { cycle: Cycle; user: Me }) {
  const stats = useCycleStats(cycle.id, user.id);
  const [searchParams] = useSearchParams();
  const selected = searchParams.get('ward') ?? '';
  const isAdmin = user.roles.includes('admin');
  const title = `Ward figures: ${cycle.name}`;
  const money = (amount: number) => formatMoney(amount, cycle.currency);

  if (stats.isPending) {
    return (
      <Page title={title}>
        <StatusMessage>Loading the figures…</StatusMessage>
      </Page>
    );
  }
  if (stats.isError) {
    return (
      <Page title={title}>
        <ProblemMessage title="We could not show the figures">{stats.error.message}</ProblemMessage>
        <p>
          <Link to={`/cycles/${cycle.id}`}>Back to {cycle.name}</Link>
        </p>
      </Page>
    );
  }
  const data = stats.data;
  const shown = selected ? data.wards.filter((ward) => ward.wardId === selected) : data.wards;
  return (
    <div className="stats-page">
      <Page
        title={title}
        lead={isAdmin ? 'Turnout, participation and results in every ward.' : 'Turnout, participation and results in the wards you represent.'}
      >
        <p className="stats-generated">Figures as of {generatedFormat.format(new Date(data.generatedAt))}.</p>
        <div className="stats-toolbar no-print">
          <p>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Print
            </button>
          </p>
          <p>
            <Link to={`/cycles/${cycle.id}`}>Back to {cycle.name}</Link>
          </p>
        </div>
        {data.wards.length > 1 ? (
          <WardPicker key={selected} stats={data} selected={selected} allLabel={isAdmin ? 'All wards' : 'All your wards'} />
        ) : null}
        {data.wards.length === 0 ? (
          <p>
            {isAdmin
              ? 'No ward has a budget of its own in this cycle, so there are no ward figures.'
              : 'None of the wards you represent has a budget of its own in this cycle, so there are no figures to show.'}
          </p>
        ) : null}
        {selected && shown.length === 0 ? <ProblemMessage title="Ward not found">There are no figures for this ward.</ProblemMessage> : null}
        <div className="ward-stats-list">
          {shown.map((ward) => (
            <WardStatsSection
              key={ward.wardId}
              ward={ward}
              threshold={data.suppressionThreshold}
              cycleId={cycle.id}
              cycleName={cycle.name}
              money={money}
            />
          ))}
        </div>
      </Page>
    </div>
  );
}

function WardFiguresLoader() {
  const { cycleId = '' } = useParams();
  // RequireRole has loaded the signed-in account before this renders.
  const { data: user } = useCurrentUser();
  return (
    <WithCycle
      cycleId={cycleId}
      title="Ward figures"
      whenMissing={
        <p>
          <Link to="/ward-figures">See all budget cycles</Link>
        </p>
      }
    >
      {(cycle) => (user ? <WardFiguresContent cycle={cycle} user={user} /> : null)}
    </WithCycle>
  );
}

/** The councillor view of one cycle: per ward turnout, participation, ideas and results. */
export function WardFiguresPage() {
  return (
    <RequireRole roles={READERS} title="Ward figures">
      <WardFiguresLoader />
    </RequireRole>
  );
}
