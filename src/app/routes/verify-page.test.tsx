import { fireEvent, screen, within } from '@testing-library/react'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildEvidencePack } from '@/features/evidence/evidence-pack'
import { packInput, testProxy } from '@/features/evidence/test-pack'
import { toVerify } from '@/lib/routes'
import { renderApp } from '@/testing/render'

const zipFile = (bytes: Uint8Array, name = 'orgscope-review.zip') =>
  new File([Uint8Array.from(bytes)], name, { type: 'application/zip' })

// The page is a lazy chunk: its first load in a busy test run can take seconds.
async function chooser() {
  return screen.findByLabelText('Choose an evidence pack', {}, { timeout: 5000 })
}

describe('verify page', () => {
  it('is titled, linked from the header and says what it checks', async () => {
    renderApp({ route: toVerify() })

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Verify an evidence pack' },
        { timeout: 5000 },
      ),
    ).toBeVisible()
    expect(document.title).toBe('Verify an evidence pack · Orgscope')
    const nav = within(screen.getByRole('banner')).getByRole('navigation', { name: 'Main' })
    const link = within(nav).getByRole('link', { name: 'Verify' })
    expect(link).toHaveAttribute('href', '/verify')
    expect(link).toHaveAttribute('aria-current', 'page')
    expect(screen.getByText(/nothing is uploaded/)).toBeVisible()
  })

  it('calls an untouched pack intact and shows what its manifest says', async () => {
    const pack = await buildEvidencePack(packInput())
    const { user } = renderApp({ route: toVerify() })

    await user.upload(await chooser(), zipFile(pack.bytes, pack.fileName))

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Intact' }, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.getByRole('listitem', { name: 'memberships.csv: intact' })).toBeVisible()
    expect(screen.getByText('travel0.us.auth0.com')).toBeVisible()
    expect(screen.getByText('ada@orgscope.test (auth0|ada)')).toBeVisible()
    // Direct mode: an unsigned pack, and the page says what its hashes do not prove.
    expect(screen.getByText(/not who made the pack/)).toBeVisible()
  })

  it('names the file that changed when a pack dropped on it was tampered with', async () => {
    const pack = await buildEvidencePack(packInput())
    const files = unzipSync(pack.bytes)
    const tampered = zipSync({ ...files, 'decisions.csv': strToU8('user_id\r\nnobody\r\n') })
    renderApp({ route: toVerify() })
    await chooser()

    fireEvent.drop(screen.getByText(/Or drop the \.zip here/), {
      dataTransfer: { files: [zipFile(tampered)] },
    })

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Changed' }, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.getByText('decisions.csv changed.')).toBeVisible()
    expect(screen.getByRole('listitem', { name: 'decisions.csv: changed' })).toBeVisible()
    expect(screen.getByRole('listitem', { name: 'memberships.csv: intact' })).toBeVisible()
  })

  it('says a signed pack’s countersignature cannot be checked without the proxy', async () => {
    const proxy = await testProxy()
    const pack = await buildEvidencePack(
      packInput({ mode: 'proxy', countersign: proxy.countersign }),
    )
    const { user } = renderApp({ route: toVerify() })

    await user.upload(await chooser(), zipFile(pack.bytes))

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Not confirmed' }, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.getByText(/proxy’s keys cannot be loaded/)).toBeVisible()
  })

  it('calls a file that is not a zip unreadable', async () => {
    const { user } = renderApp({ route: toVerify() })

    await user.upload(await chooser(), zipFile(strToU8('hello'), 'notes.zip'))

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Unreadable' }, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.getByText(/not a zip file/)).toBeVisible()
  })
})
