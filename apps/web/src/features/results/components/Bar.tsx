import { useId } from 'react';

export interface BarPart {
  /** Between 0 and 1 of the whole bar. */
  length: number;
  className: string;
  /** Striped rather than solid, so two parts differ by more than their colour. */
  striped?: boolean;
}

function Stripes({ id }: { id: string }) {
  return (
    <pattern id={id} width={3} height={3} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect className="bar__stripe-ground" x={0} y={0} width={3} height={3} />
      <rect className="bar__stripe" x={0} y={0} width={1.5} height={3} />
    </pattern>
  );
}

/**
 * A horizontal bar drawn in SVG (lengths as attributes: the Content-Security-Policy forbids inline
 * styles). It pictures numbers that are always given in text next to it, so screen readers skip it.
 */
export function Bar({ parts }: { parts: readonly BarPart[] }) {
  const stripesId = useId();
  let x = 0;
  return (
    <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {parts.some((part) => part.striped) ? (
        <defs>
          <Stripes id={stripesId} />
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
            fill={part.striped ? `url(#${stripesId})` : undefined}
          />
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}

/** A legend key matching a bar part (decorative: the legend's words say what it is). */
export function Swatch({ className, striped = false }: { className: string; striped?: boolean }) {
  const stripesId = useId();
  return (
    <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      {striped ? (
        <defs>
          <Stripes id={stripesId} />
        </defs>
      ) : null}
      <rect className={className} x={0} y={0} width={10} height={10} fill={striped ? `url(#${stripesId})` : undefined} />
    </svg>
  );
}
