/**
 * A throw-away TLS certificate for 127.0.0.1, so the bench can serve HTTPS — and with it HTTP/2,
 * as a production deployment does behind its TLS front. Chromium is told to trust exactly this
 * key (`--ignore-certificate-errors-spki-list`), which keeps the connection a normal secure one:
 * unlike a blanket "ignore certificate errors", the HTTP cache and V8's code cache still work.
 */
import { execFile } from 'node:child_process'
import { createHash, createPublicKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface Certificate {
  key: string
  cert: string
  /** base64 SHA-256 of the certificate's public key, as Chromium's SPKI allow-list wants it. */
  spkiHash: string
}

export async function createCertificate(directory: string): Promise<Certificate> {
  const keyFile = join(directory, 'key.pem')
  const certFile = join(directory, 'cert.pem')
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ])
  const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')])
  const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' })
  return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') }
}
