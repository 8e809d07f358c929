/** Stands in for the rows of a virtualised table that are out of view (see use-virtual-rows.ts); nothing when `height` is 0. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
