import { loadProxyConfig, ProxyConfigError, type ProxyConfig } from './config'
import { startProxy } from './serve'

/**
 * The proxy alone, in the foreground, configured from the environment (see .env.example):
 * `npm run proxy` in development, `node dist-proxy/main.js` once built (`npm run build:proxy`,
 * the Dockerfile). Audit lines go to stdout; Ctrl-C or SIGTERM stops it gracefully.
 */
let config: ProxyConfig
try {
  config = loadProxyConfig(process.env)
} catch (error) {
  if (!(error instanceof ProxyConfigError)) throw error
  console.error(`${error.message}\nSee server/proxy/.env.example.`)
  process.exit(1)
}

const proxy = await startProxy(config).catch((error: unknown) => {
  console.error(`The proxy could not start: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})

console.log(
  [
    `Orgscope proxy on ${proxy.origin}`,
    `tenant ${config.tenant.origin}`,
    `audience ${config.audience}`,
    `client ${config.clientId}`,
    `origins ${config.allowedOrigins.join(' ')}`,
    ...(config.staticDir !== undefined ? [`serving ${config.staticDir}`] : []),
  ].join(' · '),
)

/**
 * How a replica leaves (an orchestrator sends SIGTERM): no new connection is taken, the lookups
 * in flight are answered, and the process exits once their audit lines are out. stdout may be
 * asynchronous (a pipe, on some platforms), and an exit drops whatever it still holds.
 */
let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await proxy.close()
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
