import { useState } from 'react'
import {
  useAccessToken,
  useManagementApi,
  useRequestLog,
} from '@/features/auth/management-api-context'
import {
  loadEvidencePack,
  requestCountersignature,
  type EvidencePackInput,
} from '@/features/evidence/api'
import type { RecordedRequest } from '@/lib/management-api/request-log'
import { saveFile } from '@/lib/export/download'
import { useTenant } from '@/lib/tenant'
import type { SignedOff } from './components/access-review-panel'
import type { AccessReview } from './review-decisions'
import type { ReviewEvidenceBase } from './review-evidence'
import type { AccessReviewState } from './use-access-review'

/** What every review's pack input starts from, and the session's requests to pick from. */
export interface SignOffContext {
  base: Omit<ReviewEvidenceBase, 'fetchedAt' | 'filter' | 'requests'> & { review: AccessReview }
  /** The Management API's path prefix as requests record it (`/api/v2`). */
  apiBasePath: string
  requestsMatching: (about: (request: RecordedRequest) => boolean) => RecordedRequest[]
}

/**
 * Signing off any review: build the pack from `packInput` (countersigned by the proxy in proxy
 * mode), download it, show its manifest's hash, and end the work in progress (the pack is the
 * record now).
 */
export function useReviewSignOff(state: AccessReviewState) {
  const api = useManagementApi()
  const log = useRequestLog()
  const { domain, mode } = useTenant()
  const getAccessToken = useAccessToken()
  const [signedOff, setSignedOff] = useState<SignedOff | undefined>(undefined)

  const signOff = async (
    packInput: (context: SignOffContext) => Promise<EvidencePackInput>,
  ): Promise<SignedOff> => {
    const review = state.review
    if (!review) throw new Error('No review is in progress.')
    const apiBasePath = new URL(api.baseUrl, window.location.href).pathname.replace(/\/+$/, '')
    // The pack's code and the review's own module load side by side, on the first sign-off.
    const [{ buildEvidencePack }, input] = await Promise.all([
      loadEvidencePack(),
      packInput({
        base: {
          review,
          tenantDomain: domain,
          mode,
          signedOffAt: new Date(),
          countersign:
            mode === 'proxy'
              ? (sha256) => requestCountersignature(api.baseUrl, getAccessToken, sha256)
              : undefined,
        },
        apiBasePath,
        requestsMatching: (about) => log.matching(about),
      }),
    ])
    const pack = await buildEvidencePack(input)
    saveFile({ fileName: pack.fileName, mimeType: 'application/zip', bytes: pack.bytes })
    const result = {
      fileName: pack.fileName,
      manifestSha256: pack.manifestSha256,
      countersigned: pack.countersignature ? { kid: pack.countersignature.kid } : null,
    }
    setSignedOff(result)
    state.discard()
    return result
  }
  return { signedOff, signOff }
}
