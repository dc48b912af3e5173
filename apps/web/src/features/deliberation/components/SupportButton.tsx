import { ProblemMessage } from '../../../components/messages';
import { useSetSupport } from '../api/support';
import type { SupportState } from '@allot/shared';

interface SupportButtonProps {
  proposalId: string;
  title: string;
  supported: boolean;
  count: number;
  /** Residents during deliberation; everyone else only sees the count. */
  canSupport: boolean;
  onChanged: (state: SupportState) => void;
}

/** A toggle button (aria-pressed) with the number of supporters announced politely when it changes. */
export function SupportButton({ proposalId, title, supported, count, canSupport, onChanged }: SupportButtonProps) {
  const setSupport = useSetSupport(onChanged);
  return (
    <div className="support">
      <p className="support__count" role="status">
        {count === 1 ? '1 person supports this idea.' : `${count} people support this idea.`}
        {supported ? ' You support it.' : ''}
      </p>
      {canSupport ? (
        <button
          type="button"
          className={supported ? 'button' : 'button button--secondary'}
          aria-pressed={supported}
          disabled={setSupport.isPending}
          onClick={() => setSupport.mutate({ proposalId, supported: !supported })}
        >
          Support this idea<span className="visually-hidden">: {title}</span>
        </button>
      ) : null}
      {setSupport.isError ? <ProblemMessage title="Your support was not saved">{setSupport.error.message}</ProblemMessage> : null}
    </div>
  );
}
