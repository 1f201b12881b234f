/** Labels up to this many characters stay on one line. */
const ONE_LINE = 10;

/**
 * A column header's lines: a longer label of several words is split into two at the space nearest
 * its middle, never before a number (`Tier 1`): `Budget` / `left`, `Tier 0/Tier 1` / `with SLOs`.
 * Crowded tables keep narrow columns without breaking words. Anything else is one line.
 */
export function headerLines(label: string): string[] {
  if (label.length <= ONE_LINE) return [label];
  const middle = label.length / 2;
  let split = -1;
  for (let i = 0; i < label.length; i++) {
    if (
      label[i] === ' ' &&
      !/\d/.test(label[i + 1]) &&
      (split < 0 || Math.abs(i - middle) < Math.abs(split - middle))
    )
      split = i;
  }
  return split < 0 ? [label] : [label.slice(0, split), label.slice(split + 1)];
}

/**
 * A column header of at most two lines (see headerLines); its text stays the label (`Budget
 * left`) for readers and tests. With `useTableLayout`, a line never wraps.
 */
export function HeaderLabel({ label }: { label: string }) {
  const [first, second] = headerLines(label);
  if (second === undefined) return <>{first}</>;
  return (
    <span>
      <span style={{ display: 'block' }}>{first}</span>{' '}
      <span style={{ display: 'block' }}>{second}</span>
    </span>
  );
}
