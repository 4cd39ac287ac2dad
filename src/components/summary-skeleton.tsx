import { Group, Skeleton, Stack } from '@mantine/core'

/**
 * A page header's footprint (a picture and three lines) while its record loads, so the page does
 * not jump when it arrives. `label` names what is loading ("Loading user").
 */
export function SummarySkeleton({ label }: { label: string }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start" role="status" aria-label={label}>
      <Skeleton circle height={56} />
      <Stack gap={8} style={{ flex: 1 }} pt={4}>
        <Skeleton height={20} width="40%" />
        <Skeleton height={12} width="55%" />
        <Skeleton height={12} width="70%" />
      </Stack>
    </Group>
  )
}
