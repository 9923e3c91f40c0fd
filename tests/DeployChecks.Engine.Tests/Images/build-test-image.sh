#!/usr/bin/env bash
# Builds the image the image-scan tests read, with real tools and no daemon:
#   OUT/oci       an OCI layout (umoci), tag "test"
#   OUT/app.tar   the same image as a `docker save` archive (skopeo copy oci:… docker-archive:…)
# Layers:
#   0 base   /etc/os-release and a dpkg status from this Debian host (dpkg-query) plus the control data of
#            python3-six, python3-packaging and python3-blinker (apt-get download), whose files are unpacked with dpkg-deb -x
#   1 app    /app with a planted FAKE secret in /app/.env, and a copy of packaging's dist-info in a virtualenv
#   2 clean  deletes /app/.env (umoci writes the whiteout)
#   3 opaque a raw layer (GNU tar) that makes the virtualenv's site-packages an opaque directory
# Usage: build-test-image.sh OUT
set -euo pipefail
out=$(realpath -m "$1")
work=$out/work
rm -rf "$out"; mkdir -p "$work/debs"
chmod 777 "$work/debs"
(cd "$work/debs" && apt-get download python3-six python3-packaging python3-blinker >/dev/null 2>"$work/apt.log") || { cat "$work/apt.log" >&2; exit 1; }

cd "$out"
umoci init --layout oci
umoci new --image oci:test
umoci unpack --rootless --image oci:test bundle >/dev/null 2>&1
root=bundle/rootfs

# layer 0: OS release, dpkg database, Debian's Python packages
mkdir -p "$root/etc" "$root/var/lib/dpkg"
cp /etc/os-release "$root/etc/os-release"
{
  dpkg-query -s base-files libc6
  for deb in "$work"/debs/*.deb; do
    echo
    dpkg-deb -f "$deb" | sed '/^Package:/a Status: install ok installed'
    dpkg-deb -x "$deb" "$root"
  done
} > "$root/var/lib/dpkg/status"
umoci repack --refresh-bundle --history.created_by "RUN apt-get install -y python3-six python3-packaging python3-blinker" --image oci:test bundle

# layer 1: the application, a planted fake secret, a virtualenv
mkdir -p "$root/app" "$root/opt/venv/lib/python3.11/site-packages"
printf 'DEBUG=0\nSECRET_KEY=fake-not-real-0123456789abcdef\n' > "$root/app/.env"
printf 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' > "$root/app/settings.py"
cp -r "$root"/usr/lib/python3/dist-packages/packaging-*.dist-info "$root/opt/venv/lib/python3.11/site-packages/"
umoci repack --refresh-bundle --history.created_by "COPY . /app" --image oci:test bundle

# layer 2: delete the secret file
rm "$root/app/.env"
umoci repack --refresh-bundle --history.created_by "RUN rm /app/.env" --image oci:test bundle

# layer 3: opaque directory (umoci writes whiteouts per file, so this layer is assembled with GNU tar)
mkdir -p "$work/opq/opt/venv/lib/python3.11/site-packages"
touch "$work/opq/opt/venv/lib/python3.11/site-packages/.wh..wh..opq"
printf 'fresh\n' > "$work/opq/opt/venv/lib/python3.11/site-packages/README"
tar -C "$work/opq" --owner=0 --group=0 -cf "$work/opaque.tar" opt
umoci raw add-layer --history.created_by "RUN rm -rf /opt/venv/lib/python3.11/site-packages/*" --image oci:test "$work/opaque.tar"

umoci config --image oci:test --config.cmd python3 --config.cmd manage.py --config.cmd runserver --config.cmd 0.0.0.0:8000 \
  --config.env PYTHON_VERSION=3.9.18 --config.exposedports 8000/tcp --config.exposedports 22/tcp --config.workingdir /app
umoci gc --layout oci
skopeo --insecure-policy copy -q oci:oci:test docker-archive:app.tar:app:test
rm -rf bundle "$work"
