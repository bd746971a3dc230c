# syntax=docker/dockerfile:1
#
# One image recipe for every Mukti service; the build argument APP names which
# (a folder under apps/: gateway, intake, projection, audit):
#   docker build --build-arg APP=intake -t mukti/intake .
# Build from the repository root (one npm workspace for all services); docker-compose.yml
# builds each service this way. A missing or unknown APP fails the build.
#
# Everything up to the APP check is the same for every service, so building all the images
# installs and compiles once; the images differ only in MUKTI_APP.

# Pinned Node 20 base image; override with --build-arg NODE_IMAGE=... (e.g. a digest).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- build: install all dependencies, compile, then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false

# Dependencies first so this layer is cached until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci

# Sources (.dockerignore keeps node_modules, dist, .git, k8s, ... out of the context).
COPY . .
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

# Declared only here: an ARG is an environment variable of every later RUN, so declaring it
# earlier would redo npm ci and the build for each service.
ARG APP
RUN if ! printf '%s' "${APP}" | grep -Eqx '[a-z][a-z-]*' || [ ! -f "dist/apps/${APP}/src/main.js" ]; then \
      echo "APP must name an app under apps/ (one of: $(echo $(ls apps))), e.g. docker build --build-arg APP=intake -t mukti/intake . (got '${APP}')" >&2; \
      exit 1; \
    fi

# ---- runtime: production dependencies + compiled output, non-root ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
# A container is reached from outside itself; on a workstation the services keep to the loopback (the default).
ENV BIND_ADDRESS=0.0.0.0
WORKDIR /app

# Owned by root and only readable by the app user: the code cannot be modified at run time.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

ARG APP
ENV MUKTI_APP=${APP}
USER node
# gateway 3000, intake 3101, projection 3102, audit 3103, rescue 3104, rehabilitation 3105, legal 3106, livelihood 3107 (each service's *_PORT).
EXPOSE 3000 3101 3102 3103 3104 3105 3106 3107

# Liveness only (process up and serving HTTP) on the port the service's own configuration gives
# (GATEWAY_PORT, INTAKE_PORT, ... or its default); readiness (/health) is left to the orchestrator.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/libs/http/src/liveness-probe.js"]

# The shell expands MUKTI_APP at run time; exec replaces it, so node itself is PID 1 and
# receives SIGTERM (graceful shutdown, exit 0).
CMD ["sh", "-c", "exec node dist/apps/${MUKTI_APP}/src/main.js"]
