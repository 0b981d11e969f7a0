/**
 * The package's folder, its version and the bundled scenario, in a module that loads nothing else, so
 * that `negsim --version` and the library's entry read them cheaply.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder: src/api/.. or dist/api/.. (tsc's output), or dist/bundle/.. (the command
 * line's bundle, where this module is inlined); all three sit two levels below it.
 */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The scenario shipped with negsim (Geneva II, January 2014), as an absolute path. */
export const BUNDLED_SCENARIO = join(PACKAGE_ROOT, 'scenarios', 'geneva-2014.yaml');
