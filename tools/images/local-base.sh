#!/usr/bin/env bash
# Makes a stand-in base image for building ragfn's images where no registry is reachable: a
# docker-save archive with one layer, a Java runtime jlinked from a local JDK into /opt/java, for
# Jib's tar:// base (-Dquarkus.jib.base-jvm-image=tar://<this file>). It has no operating system
# (no shell, no libc) and is meant for building and inspecting images, not for running them;
# production images use the UBI base of the images profile.
# Usage: tools/images/local-base.sh <output.tar> [jdk home, default $JAVA_HOME]
set -euo pipefail

out=${1:?usage: local-base.sh <output.tar> [jdk home]}
jdk=${2:-${JAVA_HOME:?set JAVA_HOME or pass a JDK home}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/rootfs/opt" "$work/rootfs/tmp" "$work/image"
chmod 1777 "$work/rootfs/tmp"
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.incubator.vector,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --output "$work/rootfs/opt/java"
tar -C "$work/rootfs" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$work/layer.tar" opt tmp
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -6 "$work/layer.tar"
layer=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
mv "$work/layer.tar.gz" "$work/image/$layer.tar.gz"

cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"tools/images/local-base.sh: jlink of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
echo "[{\"Config\":\"config.json\",\"RepoTags\":[\"ragfn/local-base:latest\"],\"Layers\":[\"$layer.tar.gz\"]}]" > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$out" manifest.json config.json "$layer.tar.gz"
echo "$out"
