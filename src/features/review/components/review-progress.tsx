import { Button, Group, Progress, Stack, Text } from '@mantine/core'
import { Countdown } from '@/components/countdown'
import { formatCount, formatNumber } from '@/lib/format'
import type { ReviewProgress as Progressing } from '../review-state'
import type { BulkReview } from '../use-bulk-review'

/**
 * How far the review has got: a bar named "Looked up 12 of 40 entries" (it counts entries, not
 * users: an email can name two accounts), how many accounts were found, what failed and
 * waiting for the rate limit (counting down to its reset), and the actions that fit: Cancel while
 * it runs; afterwards "Retry failed" and, after a cancel, "Resume".
 */
export function ReviewProgress({
  review,
  progress,
}: {
  review: BulkReview
  progress: Progressing
}) {
  const { running } = review.state
  const { total, reviewed, failed, cancelled } = progress
  const label = `Looked up ${formatNumber(reviewed)} of ${formatCount(total, 'entry', 'entries')}`
  const percent = total > 0 ? (reviewed / total) * 100 : 0

  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} aria-hidden="true">
        {label}
      </Text>
      <Progress value={percent} aria-label={label} size="md" striped={running} animated={running} />
      <Group justify="space-between" gap="xs" wrap="wrap">
        {/* Polite: counts change often; a screen reader hears where it stands when it pauses. */}
        <Text size="sm" c="dimmed" role="status">
          {[
            `${formatCount(progress.usersFound, 'user')} found`,
            `${formatCount(progress.entriesFailed, 'entry', 'entries')} failed`,
            progress.usersFailed > 0 &&
              `memberships of ${formatCount(progress.usersFailed, 'user')} failed`,
            !running &&
              cancelled > 0 &&
              `${formatCount(cancelled, 'entry', 'entries')} not reviewed (cancelled)`,
          ]
            .filter(Boolean)
            .join(' · ')}
          {running && <Waiting progress={progress} />}
        </Text>
        <Group gap="xs">
          {running && (
            <Button size="xs" variant="default" onClick={review.cancel}>
              Cancel
            </Button>
          )}
          {!running && cancelled > 0 && (
            <Button size="xs" variant="light" onClick={review.resume}>
              Resume
            </Button>
          )}
          {!running && failed > 0 && (
            <Button size="xs" onClick={review.retryFailed}>
              Retry failed
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  )
}

/** " · 2 waiting for the rate limit, resuming in 4 s": ticks only while something waits. */
function Waiting({ progress }: { progress: Progressing }) {
  const { waiting, waitingUntil } = progress
  if (waiting === 0 || !waitingUntil) return null
  return (
    <>
      {` · ${formatNumber(waiting)} waiting for the rate limit, `}
      <Countdown
        key={waitingUntil.getTime()}
        until={waitingUntil}
        prefix="resuming in"
        inherit
        done="resuming now"
      />
    </>
  )
}
