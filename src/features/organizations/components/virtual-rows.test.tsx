import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { useVirtualRows, VirtualTable } from './virtual-rows'

const HINT = 'Scroll sideways for id and roles'

function Table() {
  const virtual = useVirtualRows({ count: 3, keyOf: (index) => index, scrollResetKey: undefined })
  return (
    <VirtualTable
      name="Things"
      rowCount={3}
      widths={[200, 200]}
      header={
        <>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
        </>
      }
      scrollRef={virtual.scrollRef}
      spaceAbove={virtual.spaceAbove}
      spaceBelow={virtual.spaceBelow}
      announcement=""
      sideScrollHint={HINT}
    >
      {virtual.rows.map((row) => (
        <tr key={row.key} aria-rowindex={row.index + 2}>
          <td>{`thing ${row.index}`}</td>
          <td>{`id ${row.index}`}</td>
        </tr>
      ))}
    </VirtualTable>
  )
}

/** jsdom lays nothing out: the scroller is given the widths a browser would measure. */
function layOut({ inside, outside }: { inside: number; outside: number }) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(inside)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(outside)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the sideways-scroll cue', () => {
  it('on a narrow screen says there is more to the right until scrolled to the end', () => {
    layOut({ inside: 1120, outside: 375 })
    renderWithProviders(<Table />)
    const scroller = screen.getByRole('region', { name: 'Things list' })

    expect(screen.getByText(HINT)).toBeVisible()
    expect(scroller).toHaveAccessibleDescription(`${HINT}`)

    scroller.scrollLeft = 400
    fireEvent.scroll(scroller)
    expect(screen.getByText(HINT)).toBeVisible()

    scroller.scrollLeft = 1120 - 375
    fireEvent.scroll(scroller)
    expect(screen.getByText(HINT)).toHaveAttribute('aria-hidden', 'true')
    expect(screen.getByText(HINT)).toHaveAttribute('data-hidden')
    expect(scroller).not.toHaveAccessibleDescription()

    scroller.scrollLeft = 0
    fireEvent.scroll(scroller)
    expect(screen.getByText(HINT)).not.toHaveAttribute('data-hidden')
  })

  it('is not there when the table fits', () => {
    layOut({ inside: 1200, outside: 1200 })
    renderWithProviders(<Table />)

    expect(screen.getByRole('table', { name: 'Things' })).toBeVisible()
    expect(screen.queryByText(HINT)).not.toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Things list' })).not.toHaveAccessibleDescription()
  })
})
