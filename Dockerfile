# Orgscope in one image: the proxy (server/proxy) serving the built SPA on one origin. Build and
# run it as the README says ("Running in production"). The SPA's settings are baked in when the
# image is built (Vite inlines VITE_*); the proxy's are read from the environment at every start
# (server/proxy/.env.example), so one image serves any number of identical replicas.

# Node 20 (>= 20.19, package.json's engines), as the tests run it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY index.html tsconfig.json vite.config.ts vite.proxy.config.ts ./
COPY public public
COPY src src
COPY server server
# The tenant and the SPA's client id are required; the audience is your API's identifier. The
# proxy serves the SPA, so the SPA calls it on its own origin.
ARG VITE_AUTH0_DOMAIN
ARG VITE_AUTH0_CLIENT_ID
ARG VITE_AUTH0_AUDIENCE
ARG VITE_API_BASE_URL=/api/v2
ARG VITE_AUTH0_DASHBOARD_URL
# Without the two, the SPA would build and then show only its configuration screen.
RUN test -n "$VITE_AUTH0_DOMAIN" && test -n "$VITE_AUTH0_CLIENT_ID" \
  || { echo 'Pass --build-arg VITE_AUTH0_DOMAIN=… and --build-arg VITE_AUTH0_CLIENT_ID=…' >&2; exit 1; }
RUN npm run build && npm run build:proxy

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Production dependencies only: no tsx, no Vite; the proxy bundle imports hono, jose and zod.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist dist
COPY --from=build /app/dist-proxy dist-proxy
# The files stay root's: the proxy only reads them.
USER node
ENV HOST=0.0.0.0 PORT=8080 STATIC_DIR=/app/dist
EXPOSE 8080
# Liveness: the process answers. Load balancers ask /readyz instead (ready once the tenant's
# signing keys and a Management API token can be had), which a restart would not fix.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) lets the lookups in flight finish, up to UPSTREAM_TIMEOUT_MS.
CMD ["node", "dist-proxy/main.js"]
