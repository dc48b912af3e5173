import type { WardStats } from '@allot/shared';
import { useState, type MouseEvent } from 'react';
import { ProblemMessage } from '../../../components/messages';
import { downloadStatsCsv, saveFile, statsCsvPath } from '../api/download-stats-csv';
import { csvFileName } from '../format';

interface DownloadCsvLinkProps {
  cycleId: string;
  cycleName: string;
  ward: Pick<WardStats, 'wardId' | 'name' | 'code'>;
}

/**
 * "Download CSV" for one ward. The link points at the CSV's address, but a click fetches it with
 * the session (the access token lives in memory, not in a cookie) and saves what comes back.
 */
export function DownloadCsvLink({ cycleId, cycleName, ward }: DownloadCsvLinkProps) {
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const fileName = csvFileName(cycleName, ward.code);

  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.pending) return;
    setState({ pending: true, error: null });
    downloadStatsCsv(cycleId, ward.wardId)
      .then((file) => {
        saveFile(file.blob, file.fileName ?? fileName);
        setState({ pending: false, error: null });
      })
      .catch((error: unknown) =>
        setState({ pending: false, error: error instanceof Error ? error.message : 'The figures could not be downloaded.' }),
      );
  }

  return (
    <div className="stats-download no-print">
      <p>
        <a href={statsCsvPath(cycleId, ward.wardId)} download={fileName} onClick={handleClick} aria-busy={state.pending || undefined}>
          Download CSV<span className="visually-hidden"> of the figures for {ward.name}</span>
        </a>
        {state.pending ? <span role="status"> Preparing the file…</span> : null}
      </p>
      {state.error ? <ProblemMessage title="The file was not downloaded">{state.error}</ProblemMessage> : null}
    </div>
  );
}
