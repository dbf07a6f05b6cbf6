#!/bin/sh
# Run the FieldKit app (or any command given); without a display, under a virtual X server.
# Usage: scripts/run-app.sh .venv/bin/fieldkit-app --profile .demo-profile
set -e
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "No display and no xvfb-run: install it with 'sudo apt-get install xvfb xauth'," >&2
  echo "or run this from a desktop session." >&2
  exit 1
fi
echo "No display found (DISPLAY and WAYLAND_DISPLAY are empty): running under xvfb-run -a," >&2
echo "so the window is on a virtual screen you cannot see. Stop it with Ctrl+C." >&2
exec xvfb-run -a -s "-screen 0 1366x900x24" "$@"
