# Stateless service image: scale by running more containers behind any load balancer.
# Not built in this project's CI (no Docker engine on its machines); `docker build -t release-packet .`

# Build: compile TypeScript and the prepared start-up file, then drop the dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY templates ./templates
COPY locales ./locales
COPY assets ./assets
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

# Run: production dependencies, compiled code and data only, as the unprivileged `node` user.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
# 0.0.0.0 inside the container so a published port reaches it; publish it on a private address
# (docker run -p 127.0.0.1:3000:3000) or behind a proxy, and set RELEASE_PACKET_API_KEYS: the service
# warns at start-up when it listens beyond loopback without keys.
ENV HOST=0.0.0.0
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root templates ./templates
COPY --chown=root:root locales ./locales
COPY --chown=root:root assets ./assets
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1's command, so SIGTERM from `docker stop` reaches the graceful shutdown.
CMD ["node", "dist/server/main.js"]
