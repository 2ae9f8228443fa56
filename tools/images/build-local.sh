#!/usr/bin/env bash
# Builds every function's image (and the bundle's) as an OCI tarball, functions/<name>/target/<image>-oci.tar,
# on a stand-in base made from the local JDK (local-base.sh), then checks them with ImageTarballIT; the
# sizes it measures land in tools/images/target/image-sizes.md. Needs no registry and no container engine.
# Production images use the UBI base: ./mvnw -Pimages package (README: Container images).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Outside target/: `clean` runs first and would delete it.
base="${RAGFN_LOCAL_BASE:-${TMPDIR:-/tmp}/ragfn-local-base.tar}"
[ -f "$base" ] || tools/images/local-base.sh "$base" "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
# clean: Quarkus keeps a dependency jar already in target/quarkus-app/lib, even one another profile rewrote.
./mvnw -Pimages -pl tools/images -am clean verify \
  "-Dquarkus.jib.base-jvm-image=tar://$base" \
  -Dtest=DockerOciTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ImageTarballIT -Dfailsafe.failIfNoSpecifiedTests=false "$@"
