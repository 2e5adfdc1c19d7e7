#!/usr/bin/env bash
# Builds the Linux bundle: dist/dealboard/ (PyInstaller, one folder) and
# dist/dealboard-VERSION-linux-ARCH.tar.gz, then runs packaging/smoke-test.sh on it.
#
# PyInstaller and the project's runtime dependencies go into a build venv of their own
# (build/venv, reused between runs), never into the development venv.
#   PYTHON=python3.11 packaging/build-linux.sh        choose the interpreter
#   packaging/build-linux.sh --no-smoke               skip the smoke test
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0
python="${PYTHON:-python3}"
venv="${BUILD_VENV:-$root/build/venv}"
start=$(date +%s)

mkdir -p build
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# The runtime dependencies exactly as pyproject.toml names them, and the build tools.
"$venv/bin/python" - > build/requirements.txt <<'PY'
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))
PY
"$venv/bin/python" -m pip install -q --upgrade pip 2> >(grep -v "is ignored: it is neither" >&2)
"$venv/bin/python" -m pip install -q -r build/requirements.txt "pyinstaller>=6.10,<7" \
  2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)

"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/dealboard.spec

# Debug symbols out of libpython and Qt (23 MB -> 4 MB for libpython alone), but not out of
# the wheels' *.libs folders: those were patched by auditwheel and break when stripped.
find dist/dealboard/_internal -name '*.so*' -type f -not -path '*.libs/*' \
  -exec strip --strip-debug {} + 2>/dev/null || echo "strip not available: bundle left unstripped"

# Desktop integration files travel with the bundle; install.sh puts them in place.
bundle=dist/dealboard
mkdir -p "$bundle/share/applications" "$bundle/share/metainfo"
cp packaging/linux/org.dealboard.Dealboard.desktop "$bundle/share/applications/"
cp packaging/linux/org.dealboard.Dealboard.metainfo.xml "$bundle/share/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
  dir="$bundle/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "packaging/icons/dealboard-$size.png" "$dir/org.dealboard.Dealboard.png"
done
mkdir -p "$bundle/share/icons/hicolor/scalable/apps"
cp packaging/icons/dealboard.svg "$bundle/share/icons/hicolor/scalable/apps/org.dealboard.Dealboard.svg"
cp packaging/linux/install.sh "$bundle/install.sh"

version="$("$venv/bin/python" -c 'import app; print(app.__version__)')"
tarball="dist/dealboard-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" dealboard
built=$(date +%s)

echo "bundle:  $bundle ($(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files)"
echo "archive: $tarball ($(du -sh "$tarball" | cut -f1))"
echo "build time: $((built - start)) s"

if [ "$smoke" = 1 ]; then
  packaging/smoke-test.sh "$bundle/dealboard"
fi
