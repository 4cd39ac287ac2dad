import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, test, vi } from 'vitest'
import type { ExportFormat } from '@/lib/export/download'
import { ExportMenu, type ExportSummary } from './export-menu'

function renderWithTheme(ui: ReactNode) {
  return render(<MantineProvider env="test">{ui}</MantineProvider>)
}

const SAVED: ExportSummary = {
  fileName: 'orgscope-memberships-auth0_1-20260102-030405Z.csv',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
}

/** An onExport whose promise the test settles. */
function deferredExport() {
  let settle: { resolve: (value: ExportSummary) => void; reject: (error: unknown) => void } = {
    resolve: () => {},
    reject: () => {},
  }
  const onExport = vi.fn(
    (_format: ExportFormat) =>
      new Promise<ExportSummary>((resolve, reject) => {
        settle = { resolve, reject }
      }),
  )
  return {
    onExport,
    resolve: (value: ExportSummary) => settle.resolve(value),
    reject: (error: unknown) => settle.reject(error),
  }
}

describe('export menu', () => {
  test('offers CSV and JSON under "Export"', async () => {
    const user = userEvent.setup()
    renderWithTheme(<ExportMenu onExport={vi.fn(async () => SAVED)} />)

    await user.click(screen.getByRole('button', { name: 'Export' }))

    expect(screen.getByRole('menuitem', { name: 'CSV — the table only' })).toBeVisible()
    expect(
      screen.getByRole('menuitem', { name: 'JSON — the table with its provenance' }),
    ).toBeVisible()
  })

  test('asks for the chosen format', async () => {
    const user = userEvent.setup()
    const onExport = vi.fn(async (_format: ExportFormat) => SAVED)
    renderWithTheme(<ExportMenu onExport={onExport} />)

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'JSON — the table with its provenance' }))

    expect(onExport).toHaveBeenCalledExactlyOnceWith('json')
  })

  test('shows the file name and SHA-256 once onExport resolves', async () => {
    const user = userEvent.setup()
    const { onExport, resolve } = deferredExport()
    renderWithTheme(<ExportMenu onExport={onExport} />)
    const status = screen.getByRole('status')

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'CSV — the table only' }))
    expect(onExport).toHaveBeenCalledWith('csv')
    expect(status).toBeEmptyDOMElement()

    resolve(SAVED)

    expect(await screen.findByText(SAVED.fileName)).toBeVisible()
    expect(status).toHaveTextContent(`Downloaded ${SAVED.fileName} · SHA-256 ${SAVED.sha256}`)
    // Keyboard users land on what was saved, not back on the closed menu's button.
    expect(status).toHaveFocus()
  })

  test('copies the hash to the clipboard', async () => {
    const user = userEvent.setup()
    renderWithTheme(<ExportMenu onExport={vi.fn(async () => SAVED)} />)

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'CSV — the table only' }))
    await user.click(await screen.findByRole('button', { name: 'Copy SHA-256' }))

    expect(await screen.findByRole('button', { name: 'Copied' })).toBeVisible()
    expect(await navigator.clipboard.readText()).toBe(SAVED.sha256)
  })

  test('says the export was not saved when onExport rejects, and shows no hash', async () => {
    const user = userEvent.setup()
    const { onExport, reject } = deferredExport()
    renderWithTheme(<ExportMenu onExport={onExport} />)

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'CSV — the table only' }))
    reject(new Error('The provenance says 3 rows but 2 were given.'))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The export was not saved')
    expect(alert).toHaveTextContent('The provenance says 3 rows but 2 were given.')
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.queryByRole('button', { name: 'Copy SHA-256' })).not.toBeInTheDocument()
  })

  test('cannot be opened while disabled', () => {
    renderWithTheme(<ExportMenu onExport={vi.fn(async () => SAVED)} disabled />)
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled()
  })
})
