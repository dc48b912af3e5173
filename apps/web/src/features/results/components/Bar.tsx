import { useId } from 'react';

export interface BarPart {
  /** Between 0 and 1 of the whole bar. */
  length: number;
  className: string;
  /** Striped rather than solid, so two parts differ by more than their colour. */
  striped?: boolean;
  /** Vertical lines: a third kind of part (money that did not come from voters' shares). */
  lined?: boolean;
}

function Stripes({ id }: { id: string }) {
  return (
    <pattern id={id} width={3} height={3} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect className="bar__stripe-ground" x={0} y={0} width={3} height={3} />
      <rect className="bar__stripe" x={0} y={0} width={1.5} height={3} />
    </pattern>
  );
}

/** Vertical lines: a bar is stretched sideways (preserveAspectRatio none), and they stay vertical. */
function Lines({ id }: { id: string }) {
  return (
    <pattern id={id} width={2} height={10} patternUnits="userSpaceOnUse">
      <rect className="bar__stripe-ground" x={0} y={0} width={2} height={10} />
      <rect className="bar__line" x={0} y={0} width={0.8} height={10} />
    </pattern>
  );
}

const fillOf = (part: { striped?: boolean; lined?: boolean }, stripesId: string, linesId: string): string | undefined =>
  part.striped ? `url(#${stripesId})` : part.lined ? `url(#${linesId})` : undefined;

/**
 * A horizontal bar drawn in SVG (lengths as attributes: the Content-Security-Policy forbids inline
 * styles). It pictures numbers that are always given in text next to it, so screen readers skip it.
 */
export function Bar({ parts }: { parts: readonly BarPart[] }) {
  const stripesId = useId();
  const linesId = useId();
  const striped = parts.some((part) => part.striped);
  const lined = parts.some((part) => part.lined);
  let x = 0;
  return (
    <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {striped || lined ? (
        <defs>
          {striped ? <Stripes id={stripesId} /> : null}
          {lined ? <Lines id={linesId} /> : null}
        </defs>
      ) : null}
      <rect className="bar__track" x={0} y={0} width={100} height={10} />
      {parts.map((part) => {
        const width = Math.max(0, Math.min(100 - x, part.length * 100));
        const rect = (
          <rect
            key={part.className}
            className={part.className}
            x={x}
            y={0}
            width={width}
            height={10}
            fill={fillOf(part, stripesId, linesId)}
          />
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}

/** A legend key matching a bar part (decorative: the legend's words say what it is). */
export function Swatch({ className, striped = false, lined = false }: { className: string; striped?: boolean; lined?: boolean }) {
  const stripesId = useId();
  const linesId = useId();
  return (
    <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      {striped || lined ? (
        <defs>
          {striped ? <Stripes id={stripesId} /> : <Lines id={linesId} />}
        </defs>
      ) : null}
      <rect className={className} x={0} y={0} width={10} height={10} fill={fillOf({ striped, lined }, stripesId, linesId)} />
    </svg>
  );
}
