import type { VoterSummary, Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useVerifyWard } from '../api/verify-ward';

interface VoterCardProps {
  voter: VoterSummary;
  wards: readonly Ward[];
  /** Null when the resident cannot get a paper ballot here; else the reason is shown instead. */
  blockedReason: string | null;
  onEnterBallot: () => void;
}

function votedText(voter: VoterSummary): string {
  if (!voter.voted) return 'Has not voted yet';
  return voter.channel === 'paper' ? 'Has already voted on paper' : 'Has already voted online';
}

/** A resident at the desk: ward, verification and whether they voted — never how. */
export function VoterCard({ voter, wards, blockedReason, onEnterBallot }: VoterCardProps) {
  const verify = useVerifyWard();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const wardName = (id: string | null) => (id === null ? 'not given' : (wards.find((ward) => ward.id === id)?.name ?? 'unknown ward'));
  const selectId = `verify-ward-${voter.id}`;

  function handleVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wardId = String(new FormData(event.currentTarget).get('wardId') ?? '');
    if (wardId === '') {
      setMessage({ ok: false, text: 'Choose the ward shown on the proof of address' });
      return;
    }
    verify.mutate(
      { userId: voter.id, wardId },
      {
        onSuccess: () => setMessage({ ok: true, text: `${voter.displayName}'s home ward is verified as ${wardName(wardId)}` }),
        onError: (error) => setMessage({ ok: false, text: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' }),
      },
    );
  }

  return (
    <li className="card voter-card">
      <h3 className="card__title">{voter.displayName}</h3>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Email address</dt>
          <dd className="break">{voter.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Home ward they gave</dt>
          <dd>{wardName(voter.homeWardId)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Verified home ward</dt>
          <dd>{voter.verifiedWardId === null ? 'Not verified' : wardName(voter.verifiedWardId)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Birth year</dt>
          <dd>{voter.birthYear ?? 'not given'}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Voting</dt>
          <dd>
            <strong className={voter.voted ? 'tag voted-tag' : 'tag'}>{votedText(voter)}</strong>
          </dd>
        </div>
      </dl>
      {voter.voted ? (
        <p className="notice">
          {voter.channel === 'online'
            ? 'This resident has already voted online. Their paper ballot cannot be accepted: only one ballot per person counts.'
            : 'A paper ballot for this resident has already been entered. It cannot be entered twice.'}
        </p>
      ) : blockedReason !== null ? (
        <p className="notice">{blockedReason}</p>
      ) : (
        <p>
          <button type="button" className="button" onClick={onEnterBallot} aria-label={`Enter paper ballot for ${voter.displayName}`}>
            Enter paper ballot
          </button>
        </p>
      )}
      <form className="form form--compact verify-form" onSubmit={handleVerify} aria-label={`Verify the home ward of ${voter.displayName}`} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            Verified home ward (from proof of address)
          </label>
          <div className="search-form__row">
            <select id={selectId} name="wardId" className="input select" defaultValue={voter.verifiedWardId ?? voter.homeWardId ?? ''}>
              <option value="">Choose a ward</option>
              {wards.map((ward) => (
                <option key={ward.id} value={ward.id}>
                  {ward.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary" disabled={verify.isPending}>
              Verify ward
            </button>
          </div>
        </div>
        {message ? (
          <p className={message.ok ? 'verify-form__ok' : 'field__error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        ) : null}
      </form>
    </li>
  );
}
