import { Alert, Button, Code, Group, Menu, Stack, Text } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useLayoutEffect, useRef, useState } from 'react'
import type { ExportFile, ExportFormat, ExportInput } from '@/lib/export/download'

/** What was saved: shown so the admin can note the file's hash with the evidence. */
export type ExportSummary = Pick<ExportFile, 'fileName' | 'sha256'>

/**
 * Builds the file from what `input` resolves to and saves it. The export code (CSV, provenance,
 * hashing) loads on the first export, not with the page: most visits never export, and the large
 * pages keep their script and heap small.
 */
export async function saveExport(input: () => Promise<ExportInput>): Promise<ExportSummary> {
  const [{ buildExport, saveFile }, exportInput] = await Promise.all([
    import('@/lib/export/download'),
    input(),
  ])
  const file = await buildExport(exportInput)
  saveFile(file)
  return { fileName: file.fileName, sha256: file.sha256 }
}

export interface ExportMenuProps {
  /** Builds and saves the file in `format`; resolves to what was saved, rejects if it was not. */
  onExport: (format: ExportFormat) => Promise<ExportSummary>
  disabled?: boolean
  /**
   * The list is still loading: Export is off and says it waits for every `waitingFor` ("member",
   * "organization") to load.
   */
  waitingFor?: string | undefined
}

/**
 * Each format says what it holds: a CSV is the table alone (one header row, for spreadsheets and
 * audit tools); the provenance — tenant, who, when fetched, completeness — is in the JSON.
 */
const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  csv: 'CSV — the table only',
  json: 'JSON — the table with its provenance',
}

const FORMATS: readonly ExportFormat[] = ['csv', 'json']

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error)
}

/**
 * "Export" → CSV (the table) or JSON (the table and its provenance). After an export, a status line names the file and its SHA-256, with a
 * button to copy the hash. Presentational: building and saving the file is `onExport`'s job.
 */
export function ExportMenu({ onExport, disabled = false, waitingFor }: ExportMenuProps) {
  const [pending, setPending] = useState(false)
  const [saved, setSaved] = useState<ExportSummary | undefined>(undefined)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const result = useRef<HTMLParagraphElement>(null)
  // Focus goes to what the export produced (the file and its hash) rather than staying on the
  // closed menu's button or falling to the page; in the commit that shows it, so nothing reads the
  // result before focus is there.
  useLayoutEffect(() => {
    if (saved) result.current?.focus()
  }, [saved])

  const exportAs = async (format: ExportFormat) => {
    setPending(true)
    setSaved(undefined)
    setFailure(undefined)
    try {
      setSaved(await onExport(format))
    } catch (error) {
      setFailure(messageOf(error))
    } finally {
      setPending(false)
    }
  }

  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm" align="flex-start" wrap="nowrap" miw={0}>
        <Menu
          position="bottom-start"
          shadow="md"
          // As in the account menu: Mantine's focus placeholder is a role="presentation" child of
          // role="menu", which ARIA forbids; without it, opening focuses the first item.
          withInitialFocusPlaceholder={false}
        >
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              loading={pending}
              disabled={disabled || waitingFor !== undefined}
            >
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Download the rows in view as</Menu.Label>
            {FORMATS.map((format) => (
              <Menu.Item key={format} onClick={() => void exportAs(format)}>
                {EXPORT_FORMAT_LABELS[format]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {waitingFor !== undefined && (
          <Text size="xs" c="dimmed" pt={6}>
            {`Export is available once every ${waitingFor} has loaded.`}
          </Text>
        )}
      </Group>
      {/* Always in the document, so assistive technology announces what appears in it. */}
      <Text ref={result} tabIndex={-1} role="status" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {saved && (
          <>
            Downloaded <Code>{saved.fileName}</Code> · SHA-256 <Code>{saved.sha256}</Code>
          </>
        )}
      </Text>
      {saved && <CopyHash key={saved.sha256} sha256={saved.sha256} />}
      {failure !== undefined && (
        <Alert variant="light" color="red" title="The export was not saved">
          <Text size="sm">{failure}</Text>
        </Alert>
      )}
    </Stack>
  )
}

function CopyHash({ sha256 }: { sha256: string }) {
  const clipboard = useClipboard({ timeout: 2000 })
  return (
    <Group gap="xs">
      <Button size="xs" variant="subtle" color="gray" onClick={() => clipboard.copy(sha256)}>
        <span aria-live="off">{clipboard.copied ? 'Copied' : 'Copy SHA-256'}</span>
      </Button>
      {clipboard.error && (
        <Text size="xs" c="dimmed">
          The clipboard is not available here; select the hash above instead.
        </Text>
      )}
    </Group>
  )
}
