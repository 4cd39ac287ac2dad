import { loadProxyConfig, ProxyConfigError, type ProxyConfig } from './config'
import { startProxy } from './serve'

/**
 * `npm run proxy`: the proxy alone, in the foreground, configured from the environment
 * (see .env.example). Audit lines go to stdout; Ctrl-C or SIGTERM stops it.
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

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await proxy.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
