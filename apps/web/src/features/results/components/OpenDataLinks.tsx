import { openDataLinks } from '../api/open-data';

/** The pot's anonymised ballots and results as files anyone can download and count again. */
export function OpenDataLinks({ cycleId, potId, potName }: { cycleId: string; potId: string; potName: string }) {
  const links = openDataLinks(cycleId, potId);
  return (
    <>
      <p>
        Anyone can check this result. The Pabulib file holds every ballot in {potName}, with nothing that says who cast it,
        in the format researchers use; counting it again with the same rule, for example with Allot’s own counting tool or
        with pabutools, gives exactly the funded projects above. The CSV file is the table of projects and votes, for a
        spreadsheet.
      </p>
      <ul className="plain-list no-print">
        <li>
          <a href={links.pabulib} download>
            Download the ballots of {potName} (Pabulib .pb file)
          </a>
        </li>
        <li>
          <a href={links.csv} download>
            Download the results of {potName} (CSV file)
          </a>
        </li>
      </ul>
    </>
  );
}
