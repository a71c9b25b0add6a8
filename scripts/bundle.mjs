#!/usr/bin/env node
// Bundles the CLI and its worker entry with esbuild into dist/kasuhara-press*.js, which
// bin/kasuhara-press.js runs. Why: a build used to load about 900 module files (pdf-lib alone
// 136); Node 20 resolves, reads and compiles each one, which took 0.3–0.4 s of every cold run.
// One tree-shaken bundle, split at the CLI's lazy imports, loads in a fraction of that.
// tsc's dist/<folder>/*.js stays for the benchmark and for anyone importing the modules.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = join(root, 'dist');
// Must match BUNDLE_PREFIX and BUNDLE_ID_FILE in src/paths.ts.
const PREFIX = 'kasuhara-press';
const ID_FILE = `${PREFIX}.id`;

mkdirSync(dist, { recursive: true });
const previous = readdirSync(dist).filter((n) => n.startsWith(PREFIX));

/**
 * fontkit imports brotli (for WOFF2 only, which the registry never uses), and brotli sets up its
 * 122 KB dictionary as soon as it is loaded: a 1.3 MB literal to parse, or in its browser build
 * 30 ms of unpacking, on every run. The bundle gets a stand-in that loads the real package from
 * node_modules on the first WOFF2 font instead.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli-decompress', namespace: 'lazy-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      // Resolved from fontkit, whose dependency it is (hoisted or not).
      contents: "import { createRequire } from 'node:module'; let real; export default function decompress(buffer, size) { real ??= createRequire(require.resolve('fontkit'))('brotli/decompress.js'); return real(buffer, size); }",
      loader: 'js',
    }));
  },
};

/**
 * yoga-layout's Emscripten loader fetches its inlined wasm through fetch() whenever fetch
 * exists, and in Node 20 the first fetch() loads undici (about 35 ms of a cold run, measured
 * with --no-experimental-fetch). Without fetch the same loader decodes the same bytes itself.
 * The stand-in hides fetch for the loader's synchronous start only.
 */
const yogaDir = join(root, 'node_modules/yoga-layout/dist');
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: 'yoga-without-fetch' }));
    b.onLoad({ filter: /.*/, namespace: 'yoga-without-fetch' }, () => ({
      resolveDir: yogaDir,
      loader: 'js',
      contents: `import loadYoga from './binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './src/wrapAssembly.js';
export * from './src/generated/YGEnums.js';
const fetch = globalThis.fetch;
globalThis.fetch = undefined;
let loading;
try { loading = loadYoga(); } finally { globalThis.fetch = fetch; }
export default wrapAssembly(await loading);`,
    }));
  },
};

/**
 * fontkit (3 tables, for its shaping engines) and unicode-properties (1) inflate their Unicode
 * tries as soon as they are loaded: about 20 ms of every cold run, though the build asks them
 * for a character only when fontkit shapes text, which our composer does not have it do. Each
 * trie is made on its first lookup instead. The rewrite is checked: if a new version of a
 * package writes its tries differently, bundling stops here rather than shipping it unchanged.
 */
const TRIE = /^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm;
const TRIE_FILES = { 'unicode-properties': 1, fontkit: 3 };
const rewritten = new Set();
const lazyTries = {
  name: 'lazy-unicode-tries',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/](unicode-properties|fontkit)[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      let count = 0;
      const contents = source.replace(TRIE, (_, name, make) => {
        count++;
        return `const ${name} = __kasuharaLazyTrie(() => ${make});`;
      });
      const pkg = /(unicode-properties|fontkit)[\\/]dist[\\/]module\.mjs$/.exec(args.path)[1];
      if (count !== TRIE_FILES[pkg]) throw new Error(`lazy-unicode-tries: expected ${TRIE_FILES[pkg]} tries in ${args.path}, found ${count}`);
      rewritten.add(pkg);
      const helper = 'function __kasuharaLazyTrie(make) { let trie; return { get(codePoint) { return (trie ??= make()).get(codePoint); } }; }\n';
      return { contents: helper + contents, loader: 'js' };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { [PREFIX]: 'src/cli/main.ts', [`${PREFIX}-worker`]: 'src/build/worker.ts' },
  outdir: dist,
  // Flat: every file one level below the project, where src/paths.ts expects its own module.
  chunkNames: `${PREFIX}-[hash]`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages' ES builds first (pdf-lib's es/, …), so unused parts are shaken out.
  mainFields: ['module', 'main'],
  // css-tree's lib/ reads its JSON data through createRequire with relative paths; its dist/
  // build has the data inlined.
  alias: { 'css-tree': 'css-tree/dist/csstree.esm' },
  external: [
    'sharp', // native addon
    'piscina', // starts worker threads from a file name
    'kuromoji', // reads its dictionary from its own folder (furigana command only)
    'chokidar', // optional native fsevents (dev server only)
    'playwright-core',
  ],
  define: { __KASUHARA_BUNDLED__: 'true' },
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __kasuharaCreateRequire } from 'node:module'; const require = __kasuharaCreateRequire(import.meta.url);" },
  plugins: [lazyBrotli, yogaWithoutFetch, lazyTries],
  legalComments: 'eof', // keeps the packages' licence notices
  write: false,
  logLevel: 'warning',
});

// The packages may have moved their ES build: then the plugin above never ran.
for (const pkg of Object.keys(TRIE_FILES)) {
  if (!rewritten.has(pkg)) throw new Error(`lazy-unicode-tries: ${pkg}/dist/module.mjs was not bundled; update scripts/bundle.mjs`);
}

// A CLI may be running the previous bundle (a build in another terminal, a test): the new
// chunks are written beside the old ones (their names are content hashes), then the entry
// files and the identity replace theirs, each by a rename; old chunks go once they are ten
// minutes old, so a running CLI can still load the parts it imports lazily.
const writeAtomic = (file, bytes) => {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
};
const files = [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path));
const isEntry = (path) => [`${PREFIX}.js`, `${PREFIX}-worker.js`].includes(basename(path));
for (const f of files.filter((f) => !isEntry(f.path))) writeAtomic(f.path, f.contents);
for (const f of files.filter((f) => isEntry(f.path))) writeAtomic(f.path, f.contents);
const hash = createHash('sha256');
for (const f of files) hash.update(`\0${relative(root, f.path)}\0`).update(f.contents);
writeAtomic(join(dist, ID_FILE), `${hash.digest('hex')}\n`);

const current = new Set([...files.map((f) => basename(f.path)), ID_FILE]);
const stale = Date.now() - 10 * 60_000;
for (const name of previous) {
  const file = join(dist, name);
  if (!current.has(name) && statSync(file, { throwIfNoEntry: false })?.mtimeMs < stale) rmSync(file, { force: true });
}
