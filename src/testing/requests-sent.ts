import { onTestFinished } from 'vitest'
import { server } from './server'

/**
 * The requests the app sends from now until the test ends, each as its path and query exactly as
 * encoded on the wire (`/api/v2/users-by-email?email=a%2Bb%40c.com`): what a test reads to say
 * which endpoint answered and how a value travelled.
 */
export function requestsSent(): string[] {
  const sent: string[] = []
  const onStart = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    sent.push(`${url.pathname}${url.search}`)
  }
  server.events.on('request:start', onStart)
  onTestFinished(() => {
    server.events.removeListener('request:start', onStart)
  })
  return sent
}
