/** package.json's version, set by vite.config.ts at build time. */
declare const __ORGSCOPE_VERSION__: string
