/**
 * Table rows for long tables: up to `from` rows all render; beyond, only the rows in view (TanStack
 * Virtual) between two spacer rows, so the table keeps its `<table>` semantics (headers, row and
 * column counts) while the page holds a bounded number of rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** Tables longer than this are virtualised. */
export const VIRTUAL_FROM = 50;

export interface VirtualRows {
  /** The scroll container (give it a fixed max height when `virtual`). */
  scrollRef: React.RefObject<HTMLDivElement | null>;
  virtual: boolean;
  /** Indexes of the rows to render. */
  indexes: number[];
  /** Heights of the spacer rows before and after them (0: none). */
  before: number;
  after: number;
}

export function useVirtualRows(count: number, rowHeight: number, from = VIRTUAL_FROM): VirtualRows {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = count > from;
  // The React Compiler is not used here; the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    enabled: virtual,
    // Before layout (and in tests) the container has no size yet: assume a typical view.
    initialRect: { width: 1000, height: 480 },
  });
  if (!virtual) return { scrollRef, virtual, indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0 };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    scrollRef,
    virtual,
    indexes: items.map((i) => i.index),
    before: first ? first.start : 0,
    after: last ? virtualizer.getTotalSize() - last.end : 0,
  };
}
