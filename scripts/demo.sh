#!/usr/bin/env bash
# The main job: a real n8n with this package, the NetSuite emulator, demo credentials and the
# example workflows. `npm run demo` opens the editor; `npm run demo -- --headless` runs the
# workflows and prints their results. Installs what it needs on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run -s build >&2
exec node -r ts-node/register/transpile-only scripts/demo.ts "$@"
