# Passerelle: the API, serving the back office on the same port.
# Build from the repository root:  docker build -f docker/api.Dockerfile -t passerelle .

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NX_DAEMON=false CI=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api back-office --parallel=2

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PASSERELLE_MODE=production PORT=3000 DATA_DIR=/var/lib/passerelle
WORKDIR /app
# The build writes the API's own package.json and lockfile: only its runtime dependencies.
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./api/
RUN cd api && npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist/apps/api ./api
COPY --from=build /src/dist/apps/back-office ./back-office
RUN mkdir -p /var/lib/passerelle && chown node:node /var/lib/passerelle
USER node
EXPOSE 3000
# Over HTTPS when the API serves it itself (TLS_CERT_FILE): its own certificate names the public
# host, not 127.0.0.1, so this one loopback check does not verify it. /api/health answers plain HTTP.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "require(process.env.TLS_CERT_FILE?'https':'http').get({host:'127.0.0.1',port:process.env.PORT,path:'/api/health',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "api/main.js"]
