import { Alert, Stack } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useManagementApi } from '@/features/auth/management-api-context'
import { sha256Hex } from '@/lib/export/hash'
import { useTenant } from '@/lib/tenant'
import { countersignKeysUrl, fetchCountersignKeys } from '../countersign-proxy'
import { EvidenceDropZone } from './evidence-drop-zone'
import { VerificationResult } from './verification-result'

/** Far above any real pack; a larger file is refused before it is read into the page. */
const MAX_PACK_BYTES = 200 * 1024 * 1024

async function verifyFile(file: File, keysUrl: string | undefined) {
  if (file.size > MAX_PACK_BYTES) {
    throw new Error(`${file.name} is larger than 200 MB: it is not an Orgscope evidence pack.`)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  // verify-pack.ts brings jose: loaded on the first check, never with the page.
  const { verifyEvidencePack } = await import('../verify-pack')
  const verification = await verifyEvidencePack(bytes, {
    ...(keysUrl ? { loadKeys: () => fetchCountersignKeys(keysUrl) } : {}),
  })
  return {
    verification,
    file: { name: file.name, bytes: bytes.length, sha256: await sha256Hex(bytes) },
  }
}

/**
 * Drop or choose a pack, see whether it is intact. In proxy mode the countersignature is checked
 * against the keys the proxy publishes; in direct mode there is no proxy to ask.
 */
export function EvidenceVerifier() {
  const { mode } = useTenant()
  const { baseUrl } = useManagementApi()
  const keysUrl = mode === 'proxy' ? countersignKeysUrl(baseUrl, window.location.href) : undefined
  const check = useMutation({ mutationFn: (file: File) => verifyFile(file, keysUrl) })

  return (
    <Stack gap="lg">
      <EvidenceDropZone
        label="Choose an evidence pack"
        description="Or drop the .zip here. It is checked in this browser: nothing is uploaded."
        accept=".zip,application/zip"
        onFile={(file) => check.mutate(file)}
        busy={check.isPending}
      />
      <div aria-live="polite">
        {check.isError && (
          <Alert color="red" title="The file could not be checked">
            {check.error.message}
          </Alert>
        )}
        {check.isSuccess && <VerificationResult {...check.data} />}
      </div>
    </Stack>
  )
}
