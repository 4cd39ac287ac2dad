import { Box, Button, FileButton, Group, Loader, Stack, Text } from '@mantine/core'
import { useId, useRef, useState, type DragEvent } from 'react'
import { LineIcon } from '@/components/line-icon'
import classes from './evidence-drop-zone.module.css'

export interface EvidenceDropZoneProps {
  /** The button's text and accessible name: "Choose an evidence pack". */
  label: string
  /** Below the button: what to drop and what happens to it. */
  description: string
  /** As `<input accept>`: ".zip,application/zip". */
  accept: string
  onFile: (file: File) => void
  /** Reading or checking a file: the button waits, and drops are ignored. */
  busy?: boolean
  /** Not now (the description says why): the button is off, and drops are ignored. */
  disabled?: boolean
  /** A small zone inside another page's section, rather than a page's main control. */
  compact?: boolean
}

/**
 * A file picked with a real button (keyboard and screen readers reach it like any other) or
 * dropped anywhere on the zone. Dragging only adds a way in; nothing needs it. Mantine core has
 * no dropzone, and @mantine/dropzone would pull in react-dropzone for this much.
 */
export function EvidenceDropZone({
  label,
  description,
  accept,
  onFile,
  busy = false,
  disabled = false,
  compact = false,
}: EvidenceDropZoneProps) {
  const off = busy || disabled
  const [dragging, setDragging] = useState(false)
  const descriptionId = useId()
  // Cleared after each pick, so choosing the same file again (after editing it) is a change too.
  const resetInput = useRef<() => void>(null)

  const onDragOver = (event: DragEvent) => {
    // Without preventDefault the browser opens the dropped file instead of handing it over.
    event.preventDefault()
    if (!off) setDragging(true)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file && !off) onFile(file)
  }

  return (
    <Box
      className={classes.zone}
      data-dragging={dragging || undefined}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      px="md"
      py={compact ? 'sm' : 'xl'}
    >
      <Stack align="center" gap={compact ? 'xs' : 'sm'}>
        {!compact && (
          <LineIcon size={32} style={{ color: 'var(--mantine-color-dimmed)' }}>
            <path d="M12 15V3" />
            <path d="m7 8 5-5 5 5" />
            <path d="M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
          </LineIcon>
        )}
        <FileButton
          onChange={(file) => {
            if (file) onFile(file)
            resetInput.current?.()
          }}
          resetRef={resetInput}
          accept={accept}
          disabled={off}
          inputProps={{ 'aria-label': label, 'aria-describedby': descriptionId }}
        >
          {(props) => (
            <Button
              {...props}
              aria-describedby={descriptionId}
              disabled={off}
              {...(compact ? { size: 'xs', variant: 'default' } : {})}
            >
              {busy ? (
                <Group gap="xs" wrap="nowrap">
                  <Loader size="xs" color="currentColor" />
                  Checking…
                </Group>
              ) : (
                label
              )}
            </Button>
          )}
        </FileButton>
        <Text id={descriptionId} size={compact ? 'xs' : 'sm'} c="dimmed" ta="center">
          {description}
        </Text>
      </Stack>
    </Box>
  )
}
