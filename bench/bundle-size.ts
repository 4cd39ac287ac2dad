import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

export interface BundleSizes {
  /** gzip bytes of the JS a first visit downloads: the entry and everything it imports statically. */
  initialJsGzipBytes: number
  /** gzip bytes of every JS chunk, lazy ones included. */
  totalJsGzipBytes: number
  cssGzipBytes: number
}

/** Builds the SPA into `outDir` (production mode) and measures it from Vite's manifest. */
export async function measureBundle(outDir: string): Promise<BundleSizes> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } })
  const manifest = JSON.parse(
    await readFile(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest

  const gzipOf = async (file: string) =>
    gzipSync(await readFile(join(outDir, file)), { level: 9 }).byteLength

  const initial = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || initial.has(chunk.file)) return
    initial.add(chunk.file)
    chunk.imports?.forEach(visit)
  }
  Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .forEach(([key]) => visit(key))

  const chunks = Object.values(manifest)
  const allJs = [...new Set(chunks.map((c) => c.file).filter((f) => f.endsWith('.js')))]
  const allCss = [...new Set(chunks.flatMap((c) => c.css ?? []))]
  const sum = async (files: string[]) =>
    (await Promise.all(files.map(gzipOf))).reduce((a, b) => a + b, 0)

  return {
    initialJsGzipBytes: await sum([...initial].filter((f) => f.endsWith('.js'))),
    totalJsGzipBytes: await sum(allJs),
    cssGzipBytes: await sum(allCss),
  }
}
