import { Box, Button, CopyButton } from '@mantine/core'
import { CopyIcon } from '@/components/line-icon'

// Inline rather than Mantine's VisuallyHidden, whose stylesheet is one more file for one use.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const

/**
 * Copies the exact id: support tickets and other tools need it verbatim, and ids like
 * `samlp|acme|jane@acme.com` are easy to mis-select by hand. The name stays "Copy user id"; the
 * confirmation is announced separately so the button's name never changes under the focus.
 * A compact Button (not ActionIcon/Tooltip) keeps two stylesheets out of the CSS budget.
 */
export function CopyUserIdButton({ userId }: { userId: string }) {
  return (
    <CopyButton value={userId} timeout={1500}>
      {({ copied, copy }) => (
        <>
          <Button
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="compact-xs"
            px={4}
            onClick={copy}
            aria-label="Copy user id"
            title={copied ? 'Copied' : 'Copy user id'}
          >
            <CopyIcon copied={copied} />
          </Button>
          <Box component="span" aria-live="polite" style={visuallyHidden}>
            {copied ? 'User id copied' : ''}
          </Box>
        </>
      )}
    </CopyButton>
  )
}
