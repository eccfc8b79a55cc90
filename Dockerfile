# Stateless service image: scale by running more containers behind any load balancer.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev
COPY templates ./templates
COPY locales ./locales
COPY assets ./assets
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production
EXPOSE 3000
USER node
CMD ["node", "dist/server/main.js"]
