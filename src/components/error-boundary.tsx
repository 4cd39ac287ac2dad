import { QueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, useId, type CSSProperties, type ErrorInfo, type ReactNode } from 'react'
import { Link } from 'wouter'
import { describeError } from '@/lib/management-api/errors'
import { toSearch } from '@/lib/routes'

export interface ErrorBoundaryProps {
  children: ReactNode
  /** When this changes (e.g. the route), a shown fallback clears and the children render again. */
  resetKey?: unknown
  /** Called with every caught error, for reporting. */
  onError?: (error: unknown, info: ErrorInfo) => void
  /** "Reload"; defaults to reloading the page. */
  onReload?: () => void
}

// The fallback is plain HTML on Mantine's CSS variables (with fallbacks), not Mantine
// components: it must render even when the error came from the theme or its provider, which a
// boundary high in the tree may sit above. Never a white page.
const panel: CSSProperties = {
  margin: 'var(--mantine-spacing-md, 16px)',
  padding: 'var(--mantine-spacing-md, 16px)',
  borderRadius: 'var(--mantine-radius-md, 8px)',
  border: '1px solid var(--mantine-color-red-light-hover, #ffc9c9)',
  background: 'var(--mantine-color-red-light, #fff5f5)',
  color: 'var(--mantine-color-text, #212529)',
  fontFamily: 'var(--mantine-font-family, system-ui, sans-serif)',
  fontSize: 'var(--mantine-font-size-sm, 14px)',
  lineHeight: 1.55,
}
const title: CSSProperties = {
  margin: 0,
  fontSize: 'var(--mantine-font-size-md, 16px)',
  fontWeight: 700,
  color: 'var(--mantine-color-red-light-color, #c92a2a)',
}
const message: CSSProperties = {
  margin: '8px 0 0',
  fontFamily: 'var(--mantine-font-family-monospace, ui-monospace, monospace)',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
}
const actions: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }
const button: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  padding: '4px 12px',
  minHeight: 30,
  borderRadius: 'var(--mantine-radius-sm, 4px)',
  border: '1px solid var(--mantine-color-default-border, #ced4da)',
  background: 'var(--mantine-color-default, #fff)',
  color: 'var(--mantine-color-text, #212529)',
  font: 'inherit',
  fontWeight: 600,
  textDecoration: 'none',
  cursor: 'pointer',
}
const primaryButton: CSSProperties = {
  ...button,
  border: '1px solid transparent',
  background: 'var(--mantine-primary-color-filled, #4c6ef5)',
  color: 'var(--mantine-color-white, #fff)',
}

/** "Something went wrong on this page", the error's message, and three ways out. */
function ErrorFallback({
  error,
  onTryAgain,
  onReload = () => window.location.reload(),
}: {
  error: unknown
  onTryAgain: () => void
  onReload: (() => void) | undefined
}) {
  const { message: text, status } = describeError(error)
  const titleId = useId()
  return (
    <div role="alert" aria-labelledby={titleId} style={panel}>
      <h2 id={titleId} style={title}>
        Something went wrong on this page
      </h2>
      <p style={message}>
        {status !== undefined ? `HTTP ${status}: ` : ''}
        {text}
      </p>
      <p style={{ margin: '8px 0 0' }}>
        Try again, reload the page, or go back to search. If it keeps happening, note the message
        above for support.
      </p>
      <div style={actions}>
        <button type="button" style={primaryButton} onClick={onTryAgain}>
          Try again
        </button>
        <button type="button" style={button} onClick={onReload}>
          Reload
        </button>
        {/* In-app navigation: the shell and the query cache survive, and the new address resets a
            boundary keyed by it. Outside a Router, wouter drives the address bar itself. */}
        <Link href={toSearch()} style={button}>
          Back to search
        </Link>
      </div>
    </div>
  )
}

interface BoundaryProps extends ErrorBoundaryProps {
  onReset: () => void
}

type BoundaryState = { failed: false } | { failed: true; error: unknown }

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failed: true, error }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onError?.(error, info)
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && !Object.is(previous.resetKey, this.props.resetKey)) this.tryAgain()
  }

  tryAgain = () => {
    // Queries that threw into this boundary fetch again instead of rethrowing their old error.
    this.props.onReset()
    this.setState({ failed: false })
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <ErrorFallback
        error={this.state.error}
        onTryAgain={this.tryAgain}
        onReload={this.props.onReload}
      />
    )
  }
}

/**
 * Catches render errors (and query errors thrown with `throwOnError` or suspense) below it and
 * shows a panel instead of a blank page. "Try again" also resets react-query's error state.
 */
export function ErrorBoundary(props: ErrorBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => <Boundary {...props} onReset={reset} />}
    </QueryErrorResetBoundary>
  )
}
