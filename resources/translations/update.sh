#!/usr/bin/env bash
# Extract the strings of app/ into dealboard_de.ts and dealboard_en.ts (pyside6-lupdate),
# then build the .qm files (pyside6-lrelease). Translate new strings in Qt Linguist
# (`.venv/bin/pyside6-linguist resources/translations/dealboard_de.ts`) or in the .ts file,
# run this again, and commit the .ts and .qm files together.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python=python3
exec "$python" "$root/resources/translations/update.py" "$@"
