# manifestlint in a container, for CI without Go:
#
#   docker build -t manifestlint .
#   docker run --rm -v "$PWD:/src" -w /src manifestlint testdata/sample
#
# Stamp a release: --build-arg VERSION=v1.2.3 --build-arg COMMIT=$(git rev-parse HEAD)
#
# The binary is static (CGO_ENABLED=0: no libc, no cgo DNS resolver), so the
# final image is empty apart from it. manifestlint never opens the network and
# needs no CA certificates, time zones or shell.
FROM docker.io/library/golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=""
ARG COMMIT=""
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/manifestlint/manifestlint/internal/cli.buildVersion=${VERSION} -X github.com/manifestlint/manifestlint/internal/cli.buildCommit=${COMMIT}" \
      -o /out/manifestlint .

FROM scratch
COPY --from=build /out/manifestlint /manifestlint
# An unprivileged user (nobody); mount what to check read-only if you like.
USER 65534:65534
ENTRYPOINT ["/manifestlint"]
