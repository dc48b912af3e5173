/** Lists that come a page at a time keep their place in the address as `?offset=`, so it can be shared. */

/** The offset in the address; anything but a positive whole number means the first page. */
export function offsetIn(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? '0');
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The address of another page of the same list: the same search, with the offset changed (none for the first page). */
export function pageHref(params: URLSearchParams, offset: number): string {
  const next = new URLSearchParams(params);
  if (offset > 0) next.set('offset', String(offset));
  else next.delete('offset');
  return `?${next.toString()}`;
}
