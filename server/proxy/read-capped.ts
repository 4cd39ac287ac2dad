/**
 * A response's (or request's) body read whole, or undefined once it passes `maxBytes`: reading stops there and
 * the rest is cancelled, never pulled nor buffered. An announced Content-Length over the cap
 * is refused before anything is read.
 */
export async function readCapped(
  response: Pick<Response, 'headers' | 'body'>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const announced = Number(response.headers.get('Content-Length') ?? 0)
  if (announced > maxBytes || response.body === null) {
    await response.body?.cancel()
    return announced > maxBytes ? undefined : new Uint8Array()
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const whole = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.byteLength
  }
  return whole
}
