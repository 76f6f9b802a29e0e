// Build: clean -> tsc -> bundle -> prune -> copy icons and codex files.
// The bundle step inlines the libraries we sign with (oauth-1.0a, jose) into each
// credential and node file, so the published package has zero runtime dependencies.
const { parallel, series, src, dest } = require('gulp');
const { readdirSync, rmSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const esbuild = require('esbuild');
const pkg = require('./package.json');

// Provided by n8n at runtime; never bundled.
const PROVIDED_BY_N8N = ['n8n-workflow', 'luxon'];

function clean(done) {
	rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
		stdio: 'inherit',
	});
	done();
}

async function bundle() {
	const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
	await Promise.all(
		entries.map((entry) =>
			esbuild.build({
				entryPoints: [entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')],
				outfile: entry,
				bundle: true,
				platform: 'node',
				target: 'node20',
				format: 'cjs',
				external: PROVIDED_BY_N8N,
				logLevel: 'warning',
				legalComments: 'inline',
			}),
		),
	);
}

// tsc's per-file output is only the bundler's input: keep just the bundled entry files.
function prune(done) {
	const keep = new Set([...pkg.n8n.credentials, ...pkg.n8n.nodes].map((f) => path.join(__dirname, f)));
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
				if (readdirSync(full).length === 0) rmSync(full, { recursive: true });
			} else if (!keep.has(full)) rmSync(full);
		}
	};
	walk(path.join(__dirname, 'dist'));
	done();
}

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

// n8n's loader reads <Node>.node.json next to each <Node>.node.js (n8n-core's DirectoryLoader.getCodex:
// the .js path + "on"); without it n8n logs "No codex available" and the node gets no categories.
function copyCodex() {
	return src('nodes/*/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.build = series(clean, compile, bundle, prune, parallel(copyIcons, copyCodex));
exports.default = exports.build;
