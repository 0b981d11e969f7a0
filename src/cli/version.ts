/**
 * The package's folder and version (src/api/version.ts), re-exported for the command line, whose
 * start-up reads them without loading any command (src/cli/main.ts).
 */
export { PACKAGE_ROOT, VERSION } from '../api/version.js';
