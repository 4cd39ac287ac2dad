import { defineConfig } from 'vite'

/**
 * `npm run build:proxy`: the proxy's production entry (server/proxy/main.ts) as one ES module
 * for plain `node`, so production runs neither tsx nor any other dev dependency. As in any SSR
 * build, packages stay imports, resolved at run time from `npm ci --omit=dev`'s node_modules;
 * the repository's own modules (src/lib/tenant-domain.ts among them) are bundled in.
 */
export default defineConfig({
  build: {
    ssr: 'server/proxy/main.ts',
    outDir: 'dist-proxy',
    emptyOutDir: true,
    // The SPA's public/ files are the SPA build's, not the server's.
    copyPublicDir: false,
  },
})
