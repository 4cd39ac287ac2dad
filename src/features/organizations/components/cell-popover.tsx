import { Popover } from '@mantine/core'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import classes from './organizations-table.module.css'

/**
 * A button in a table row that opens a popover, for what a cell cuts short (a truncated name,
 * "+3 more" metadata) — reachable by keyboard and touch, not by hover alone. The Popover is
 * mounted only while open: a virtualized table pays one plain `<button>` per row, not a Popover.
 * Opening moves focus into the popover (a labelled dialog); Escape closes it and puts focus back
 * on the button, a click or tap outside closes it and leaves focus where it went.
 */
export function CellPopover({
  label,
  className,
  title,
  children,
  content,
}: {
  /** The popover's heading, which names it. */
  label: string
  className: string | undefined
  title?: string
  /** The button's face. */
  children: ReactNode
  content: ReactNode
}) {
  const [opened, setOpened] = useState(false)
  const headingId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  // The button is a new element once the Popover wraps or unwraps it: focus is put back here.
  useEffect(() => {
    if (opened || !refocus.current) return
    refocus.current = false
    buttonRef.current?.focus()
  }, [opened])
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    refocus.current = true
    setOpened(false)
  }

  const button = (
    <button
      ref={buttonRef}
      type="button"
      className={className}
      title={title}
      aria-haspopup="dialog"
      aria-expanded={opened}
      onClick={() => setOpened((open) => !open)}
    >
      {children}
    </button>
  )
  if (!opened) return button
  return (
    <Popover
      opened
      onChange={setOpened}
      trapFocus
      returnFocus={false}
      closeOnEscape={false}
      position="bottom-start"
      shadow="md"
      withinPortal
    >
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown
        role="dialog"
        aria-labelledby={headingId}
        className={classes.popover}
        onKeyDown={onKeyDown}
      >
        <div id={headingId} className={classes.popoverHeading} dir="auto">
          {label}
        </div>
        {content}
      </Popover.Dropdown>
    </Popover>
  )
}

/**
 * Every key and value in full, as text (tenant strings are never markup), right-to-left values
 * isolated. What a popover of a row or of its metadata lists.
 */
export function ValueList({ entries }: { entries: readonly (readonly [string, string])[] }) {
  return (
    <dl className={classes.valueList}>
      {entries.map(([key, value], index) => (
        <div key={index} className={classes.valueEntry}>
          <dt dir="auto">{key}</dt>
          <dd dir="auto">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
