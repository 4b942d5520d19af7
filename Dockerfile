# A small image that runs the lint CLI:
#   docker build -t mosquitto-lint .
#   docker run --rm -v "$PWD:/w" mosquitto-lint /w/mosquitto.conf
# Build stage: the npm package's single-file bundle, packed as users install it.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm pack ./packages/mosquitto-lint --pack-destination /tmp

# Run stage: Node.js and the installed package, nothing else.
FROM node:20-alpine
RUN --mount=type=bind,from=build,source=/tmp,target=/pkg npm install --global --no-audit --no-fund /pkg/mosquitto-lint-*.tgz
WORKDIR /w
ENTRYPOINT ["mosquitto-lint"]
