// npm run build, second step: the command line as a bundle, dist/bundle/main.js (what bin/negsim.js runs)
// and dist/bundle/worker.js (the Monte Carlo's worker threads) and sobol-worker.js (negsim explain's), made by
// esbuild from tsc's dist/.
//
// Why: start-up. Node spends most of a short command loading modules: each file is resolved, read and
// compiled on its own, and the dependencies come as hundreds of files (typebox, yargs, mathjs). A bundle is
// a few files, with only the parts of each dependency that negsim uses (mathjs: its expression parser, not
// its 1 MB of functions). Code splitting keeps main.ts's lazy imports lazy: each command's code is a chunk
// loaded when that command runs, so `negsim --version` loads yargs and nothing else. The worker is its own
// entry, next to the chunk that starts it (monte-carlo.ts: new URL('./worker.js', import.meta.url)).
// The scenario validator comes compiled: validator-precompiled.js is replaced by Ajv's standalone code for
// the schema (src/scenario/validator-standalone.ts), so no command compiles the schema at start-up.
// Identifiers are kept (no renaming), so an internal error's stack trace still names negsim's functions.
// dist/ itself stays as tsc wrote it: the library's modules, one per source file.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const { standaloneValidatorCode } = await import(`${root}dist/scenario/validator-standalone.js`);

/** validator-precompiled.js, as the bundle has it: the validate function compiled now. */
const precompiledValidator = {
  name: 'negsim-precompiled-validator',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]scenario[\\/]validator-precompiled\.js$/ }, () => ({
      contents: "import { validUncertain as negsimValidUncertain } from './validator.js';\n" +
        `${standaloneValidatorCode('esm')}\nexport { validate as precompiledScenarioValidator };\n`,
      resolveDir: `${root}dist/scenario`,
      loader: 'js',
    }));
  },
};
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: `${root}dist/cli/main.js`, worker: `${root}dist/sim/worker.js`, 'sobol-worker': `${root}dist/sim/sobol-worker.js` },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  // CommonJS dependencies (seedrandom) call require(); an ES module has none of its own
  banner: { js: "import { createRequire as negsimCreateRequire } from 'node:module'; const require = negsimCreateRequire(import.meta.url);" },
  plugins: [precompiledValidator],
  logLevel: 'warning',
});
