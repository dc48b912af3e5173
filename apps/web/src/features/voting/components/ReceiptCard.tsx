interface ReceiptCardProps {
  receipt: string;
  castAt: string;
  /** "online" or "paper" */
  channel?: 'online' | 'paper';
  contentHash?: string;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** The receipt code a voter keeps, to check after the close that their ballot was counted. */
export function ReceiptCard({ receipt, castAt, channel, contentHash }: ReceiptCardProps) {
  const when = new Date(castAt);
  return (
    <div className="receipt-card">
      <p className="receipt-card__label">Your receipt code</p>
      <p className="receipt-card__code" data-testid="receipt-code">
        {receipt}
      </p>
      <p>
        Keep this code: write it down or take a screenshot. When voting closes you can use it to check that your ballot was
        counted. It does not show how you voted.
      </p>
      <p className="receipt-card__meta">
        {channel === 'paper' ? 'Paper ballot entered' : 'Cast'} on {Number.isNaN(when.getTime()) ? castAt : `${timeFormat.format(when)} UTC`}
        {contentHash ? (
          <>
            {' '}
            · ballot fingerprint <code className="break">{contentHash.slice(0, 16)}</code>
          </>
        ) : null}
      </p>
    </div>
  );
}
