import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import classes from './organizations-table.module.css'

// The tables' virtualization, one for all: only the rows in view (plus a few) are in the DOM,
// between two spacer rows that keep the scroll height right.

/** Every row is this tall (`--row-height` in the CSS module): the virtualizer never measures. */
const ROW_HEIGHT_PX = 52
/** The sticky header's height (`.table th` in the CSS module): where the rows start. */
const HEADER_HEIGHT_PX = 40
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank rows. */
const OVERSCAN_ROWS = 8
/**
 * The viewport to assume while the scroller measures 0 px (jsdom, a hidden tab): the first rows
 * still render instead of none.
 */
const UNMEASURED_VIEWPORT_PX = 640

const observeRectOrAssume = <T extends Element>(
  instance: Virtualizer<T, Element>,
  callback: (rect: { width: number; height: number }) => void,
) =>
  observeElementRect(instance, (rect) =>
    callback(rect.height > 0 ? rect : { ...rect, height: UNMEASURED_VIEWPORT_PX }),
  )

/**
 * The rows of a virtualized table: which to render, the space above and below them, and the
 * rows in view without the overscan. When `scrollResetKey` changes (a new filter or sort), the
 * list scrolls back to its first row.
 */
export function useVirtualRows({
  count,
  keyOf,
  scrollResetKey,
}: {
  count: number
  keyOf: (index: number) => string | number
  scrollResetKey: string | undefined
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer on every render by design; nothing memoizes its results
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    scrollMargin: HEADER_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: keyOf,
    initialRect: { width: 0, height: UNMEASURED_VIEWPORT_PX },
    observeElementRect: observeRectOrAssume,
  })

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [scrollResetKey])

  const rows = virtualizer.getVirtualItems()
  const firstRow = rows[0]
  const lastRow = rows.at(-1)
  return {
    scrollRef,
    rows,
    /** The rows in view, without the overscan. */
    firstInView: virtualizer.range?.startIndex ?? -1,
    lastInView: virtualizer.range?.endIndex ?? -1,
    spaceAbove: firstRow ? firstRow.start - HEADER_HEIGHT_PX : 0,
    spaceBelow: lastRow
      ? virtualizer.getTotalSize() - (lastRow.end - HEADER_HEIGHT_PX)
      : virtualizer.getTotalSize(),
  }
}

/**
 * Whether the scroller is wider inside than out (a phone: the table keeps its columns' widths),
 * and whether any of it is still to the right. Measured on mount, on scroll and on resize.
 */
function useSideScroll(scrollRef: RefObject<HTMLDivElement | null>) {
  const [state, setState] = useState({ overflows: false, moreToTheRight: false })
  useLayoutEffect(() => {
    const scroller = scrollRef.current
    if (!scroller) return
    const measure = () => {
      const hidden = scroller.scrollWidth - scroller.clientWidth
      // A pixel of slack: zoomed screens scroll to fractions and may stop a hair short.
      const overflows = hidden > 1
      const moreToTheRight = overflows && hidden - Math.abs(scroller.scrollLeft) > 1
      setState((current) =>
        current.overflows === overflows && current.moreToTheRight === moreToTheRight
          ? current
          : { overflows, moreToTheRight },
      )
    }
    measure()
    scroller.addEventListener('scroll', measure, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    return () => {
      scroller.removeEventListener('scroll', measure)
      observer.disconnect()
    }
  }, [scrollRef])
  return state
}

/** Stands in for the rows that are not rendered; hidden from assistive technology. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null
  return (
    <tr className={classes.spacer} aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  )
}

/**
 * A virtualized `<table>` (role table, named `name`) in its keyboard-reachable scroller: the
 * columns' widths, the header cells, the rendered rows between their two spacers, and — outside
 * the scroller — a status line for what the rows announce (an id copied). `aria-rowcount` tells
 * screen readers the full size. Where the table is wider than the screen (a phone), a fade on the
 * right edge and `sideScrollHint` above the table say there is more, until scrolled to the end;
 * the scroller is described by the hint while it shows.
 */
export function VirtualTable({
  name,
  rowCount,
  widths,
  header,
  scrollRef,
  spaceAbove,
  spaceBelow,
  className,
  announcement,
  sideScrollHint,
  children,
}: {
  name: string
  /** Data rows in the whole list (not only those rendered). */
  rowCount: number
  /** One per column; undefined takes the rest. */
  widths: readonly (number | string | undefined)[]
  /** The header row's cells. */
  header: ReactNode
  /** From useVirtualRows. */
  scrollRef: RefObject<HTMLDivElement | null>
  spaceAbove: number
  spaceBelow: number
  className?: string
  announcement: string
  /** What is off to the right on a narrow screen: "Scroll sideways for id and roles". */
  sideScrollHint: string
  /** The rendered rows. */
  children: ReactNode
}) {
  const { overflows, moreToTheRight } = useSideScroll(scrollRef)
  const hintId = useId()
  return (
    <>
      {/* Only where the table overflows; hidden, not removed, at the end: the table stays put. */}
      {overflows && (
        <p
          id={hintId}
          className={classes.sideScrollHint}
          data-hidden={!moreToTheRight || undefined}
          aria-hidden={!moreToTheRight}
        >
          {sideScrollHint}
          <span aria-hidden="true"> →</span>
        </p>
      )}
      <div className={classes.scrollFrame} data-more-right={moreToTheRight || undefined}>
        <div
          ref={scrollRef}
          className={classes.scroller}
          // Scrollable content must be reachable by keyboard; the region names what scrolls.
          role="region"
          aria-label={`${name} list`}
          aria-describedby={moreToTheRight ? hintId : undefined}
          tabIndex={0}
        >
          <table
            className={className ? `${classes.table} ${className}` : classes.table}
            aria-label={name}
            aria-rowcount={rowCount + 1}
          >
            <colgroup>
              {widths.map((width, index) => (
                <col key={index} style={width === undefined ? undefined : { width }} />
              ))}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>{header}</tr>
            </thead>
            <tbody>
              <SpacerRow height={spaceAbove} columns={widths.length} />
              {children}
              <SpacerRow height={spaceBelow} columns={widths.length} />
            </tbody>
          </table>
        </div>
      </div>
      {/* Outside the scroller: an out-of-flow element inside it would sit at the end of the
          rows and stretch the page to the list's full height. */}
      <span className={classes.visuallyHidden} role="status">
        {announcement}
      </span>
    </>
  )
}
