import { App } from './app'
import type { ConfigResult } from './config'
import { ConfigErrorScreen } from './config-error-screen'
import { AppProviders, ThemeProvider } from './providers'
import { LocationProvider } from './router'

/** The whole app for a given configuration, or the screen that says what is missing. */
export function Root({ configResult }: { configResult: ConfigResult }) {
  if (!configResult.ok) {
    return (
      <ThemeProvider>
        <ConfigErrorScreen problems={configResult.problems} />
      </ThemeProvider>
    )
  }
  const { config } = configResult
  return (
    <AppProviders config={config}>
      <LocationProvider>
        <App config={config} />
      </LocationProvider>
    </AppProviders>
  )
}
