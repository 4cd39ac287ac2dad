import { Stack, Text, Title } from '@mantine/core'
import { EvidenceVerifier } from '@/features/evidence/components/evidence-verifier'

/** `/verify`: an auditor checks an evidence pack's files and countersignature. */
export default function VerifyPage() {
  return (
    <Stack gap="lg">
      <title>Verify an evidence pack · Orgscope</title>
      <Stack gap={2} maw={760}>
        <Title order={1}>Verify an evidence pack</Title>
        <Text c="dimmed" size="sm">
          Checks that every file in an access review’s evidence pack is exactly as it was signed
          off: each file’s SHA-256 against the manifest, and the proxy’s countersignature against
          the manifest itself.
        </Text>
      </Stack>
      <EvidenceVerifier />
    </Stack>
  )
}
