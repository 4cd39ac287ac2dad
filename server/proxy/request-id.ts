/** What an incoming X-Request-Id may look like to be logged: a UUID, a trace id, nothing more. */
const WELL_FORMED = /^[A-Za-z0-9._:+/=-]{1,128}$/

/** How a request is named in the log, and in the answer's X-Request-Id (`requestId`). */
export interface RequestIds {
  /**
   * Always the proxy's own, so a caller cannot file its requests under an id of its choosing
   * (another request's, say).
   */
  requestId: string
  /** The caller's X-Request-Id (a load balancer's trace id), if well formed; else left out. */
  callerRequestId?: string
}

export function requestIdsOf(request: Request): RequestIds {
  const incoming = request.headers.get('X-Request-Id')
  return {
    requestId: crypto.randomUUID(),
    ...(incoming !== null && WELL_FORMED.test(incoming) && { callerRequestId: incoming }),
  }
}
