import { Stack, Text, Title } from '@mantine/core'
import { BulkReview } from '@/features/review/components/bulk-review'

/** `/review`: many users' memberships at once. The list stays in the page, not the URL. */
export default function ReviewPage() {
  return (
    <Stack gap="md">
      <title>Bulk review · Orgscope</title>
      <Stack gap={2} maw={760}>
        <Title order={1}>Bulk review</Title>
        <Text c="dimmed" size="sm">
          Paste or upload up to 500 user ids or emails to see every organization each of them
          belongs to, in one table you can filter, sort and export.
        </Text>
      </Stack>
      <BulkReview />
    </Stack>
  )
}
