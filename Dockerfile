# syntax=docker/dockerfile:1
#
# One image recipe for every Mukti service; the build argument APP names which:
#   docker build --build-arg APP=intake -t mukti/intake:<tag> .
# The build context is the repository root (one npm workspace for all services);
# docker-compose.yml builds each service this way.

# Pinned Node 20 base image; override with --build-arg NODE_IMAGE=... (e.g. a digest).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- build: install all dependencies, compile, then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
ARG APP
WORKDIR /app
ENV npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false

# Dependencies first so this layer is cached until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci

# Sources (.dockerignore keeps node_modules, dist, .git, k8s, ... out of the context).
COPY . .
RUN if [ -z "${APP}" ] || [ ! -f "apps/${APP}/src/main.ts" ]; then \
      echo "build with --build-arg APP=<a service under apps/>; got '${APP}'" >&2; exit 1; \
    fi \
 && npm run build \
 && test -f "dist/apps/${APP}/src/main.js" \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---- runtime: production dependencies + compiled output, non-root ----
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    MUKTI_APP=${APP}
WORKDIR /app

# Owned by root and only readable by the app user: the code cannot be modified at run time.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node
# gateway 3000, intake 3101, projection 3102, audit 3103 (each service's *_PORT).
EXPOSE 3000 3101 3102 3103

# Liveness only (process up and serving HTTP), on the port the service's configuration gives;
# readiness (/health) is left to the orchestrator.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/libs/http/src/liveness-probe.js"]

# exec replaces the shell, so node itself receives SIGTERM (clean stop, exit 0).
CMD ["sh", "-c", "exec node dist/apps/${MUKTI_APP}/src/main.js"]
