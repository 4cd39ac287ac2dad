import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { secondsOf } from './clock'
import { HandleStore, randomHandle } from './handle-store'

export const SESSION_COOKIE = 'local_tenant_session'

export interface Session {
  /** Public id for the `sid` claim. The cookie holds a different, secret handle. */
  sid: string
  sub: string
  /** Seconds since the epoch. */
  authTime: number
}

/**
 * The tenant's own sign-in sessions. The cookie is HttpOnly and SameSite=Lax: the SPA and the
 * tenant are on the same site (127.0.0.1, different ports), so it reaches the hidden iframe of a
 * silent sign-in, yet no script and no cross-site POST can use it. Not `Secure`: the tenant
 * serves plain http on the loopback address.
 */
export class Sessions {
  readonly #store = new HandleStore<Session>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  current(c: Context): Session | undefined {
    return this.#store.find(getCookie(c, SESSION_COOKIE), this.#now())
  }

  start(c: Context, sub: string): Session {
    const now = this.#now()
    const session = { sid: randomHandle().slice(0, 22), sub, authTime: secondsOf(now) }
    const handle = this.#store.issue(session, now)
    setCookie(c, SESSION_COOKIE, handle, { httpOnly: true, sameSite: 'Lax', path: '/' })
    return session
  }

  end(c: Context): void {
    this.#store.revoke(getCookie(c, SESSION_COOKIE))
    deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/' })
  }

  /** Every session is over (a fault switch: the tenant's sessions expire all at once). */
  endAll(): void {
    this.#store.clear()
  }
}
