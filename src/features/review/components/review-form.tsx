import { Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core'
import { useDeferredValue, useMemo, useState } from 'react'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import {
  readReviewList,
  REVIEW_LIMIT,
  type RefusedLine,
  type ReviewEntry,
  type ReviewList,
} from '../review-input'

/** A larger file is not a list of 500 ids: refuse it before reading it into the page. */
const MAX_FILE_BYTES = 1024 * 1024

type Reading = { ok: true; list: ReviewList } | { ok: false; problem: string }

function read(text: string): Reading {
  try {
    return { ok: true, list: readReviewList(text) }
  } catch (error) {
    return { ok: false, problem: `This is not readable as CSV: ${(error as Error).message}` }
  }
}

/** "3 entries · 1 repeat left out · 1 neither a user id nor an email: “jane”". */
function describe(list: ReviewList): string {
  const parts = [formatCount(list.entries.length, 'entry', 'entries')]
  if (list.duplicates > 0) parts.push(`${formatCount(list.duplicates, 'repeat')} left out`)
  if (list.unreadable.length > 0) {
    const shown = list.unreadable.slice(0, 3).map(({ text }) => quoted(text))
    const more = list.unreadable.length - shown.length
    parts.push(
      `${formatNumber(list.unreadable.length)} neither a user id nor an email, left out: ${shown.join(', ')}${more > 0 ? ` and ${formatNumber(more)} more` : ''}`,
    )
  }
  return parts.join(' · ')
}

/**
 * The list to review: pasted, or read from an uploaded CSV or text file into the same box (so
 * what will be reviewed is always on screen and editable). Says as it is typed how many entries
 * it holds and what it leaves out; refuses more than REVIEW_LIMIT.
 */
export function ReviewForm({
  running,
  onReview,
}: {
  running: boolean
  /** The entries, and the lines refused (they go into the review's evidence). */
  onReview: (entries: readonly ReviewEntry[], refused: readonly RefusedLine[]) => void
}) {
  const [text, setText] = useState('')
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined)
  const deferredText = useDeferredValue(text)
  const reading = useMemo(() => read(deferredText), [deferredText])
  const list = reading.ok ? reading.list : undefined
  const overLimit = list !== undefined && list.overLimitBy > 0
  const problem =
    fileProblem ??
    (reading.ok
      ? overLimit
        ? `A review takes at most ${formatNumber(REVIEW_LIMIT)} entries; this list has ${formatNumber(list.entries.length)}. Remove ${formatNumber(list.overLimitBy)} and review the rest in another batch.`
        : undefined
      : reading.problem)

  const upload = async (file: File | null) => {
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(
        `${file.name} is larger than 1 MB; upload a list of at most ${formatNumber(REVIEW_LIMIT)} entries.`,
      )
      return
    }
    setFileProblem(undefined)
    setText(await file.text())
  }

  const canReview = !running && list !== undefined && list.entries.length > 0 && !overLimit

  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(event) => {
        event.preventDefault()
        if (canReview) onReview(list.entries, list.unreadable)
      }}
    >
      <Textarea
        label="User ids or emails"
        description={`One per line, or comma-separated; up to ${formatNumber(REVIEW_LIMIT)}. An email lists every account that has it.`}
        placeholder={'auth0|6650a1f0c0ffee0000000003\npat.twin@example.com'}
        value={text}
        onChange={(event) => {
          setFileProblem(undefined)
          setText(event.currentTarget.value)
        }}
        error={problem}
        rows={8}
        resize="vertical"
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {list && list.entries.length + list.unreadable.length > 0 && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {describe(list)}
        </Text>
      )}
      <Group gap="xs">
        <Button type="submit" disabled={!canReview}>
          Review
        </Button>
        <FileButton
          onChange={(file) => void upload(file)}
          accept=".csv,.txt,text/csv,text/plain"
          inputProps={{ 'aria-label': 'Upload CSV or text' }}
        >
          {(props) => (
            <Button {...props} variant="default">
              Upload CSV or text
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  )
}
