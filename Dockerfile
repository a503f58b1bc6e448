# audience-agent service: `docker build -t audience-agent .`
# Build stage: compile TypeScript, then keep only production dependencies.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No dependency needs an install script; `prepare` (tsc) runs below, once the sources are in.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY graphs ./graphs
COPY tools ./tools
COPY bench ./bench
RUN npx tsc -p tsconfig.json && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: compiled code and production node_modules only, as the unprivileged `node` user.
FROM node:22-slim AS runtime
# HOST=0.0.0.0 so a published port (`docker run -p 8123:8123`) reaches the service. Without
# API_KEYS the service then refuses to start and says what to set (API_KEYS, or ALLOW_OPEN=1 for
# a local trial without keys), rather than listen where the published port never reaches.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8123 \
    AUDIENCE_AGENT_HOME=/data/home
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The chat widget's browser files are served as written, from src/web/assets.
COPY --from=build /app/src/web/assets ./src/web/assets
# Imported workspaces (DuckDB files) and the generated demo live under /data: mount a volume there.
RUN mkdir -p /data/home && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8123
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8123) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/cli/main.js", "serve"]
