/**
 * `import.meta.url` in the CommonJS builds (tsup.config.ts injects this file): a file URL made the
 * way Node makes one for an ES module, percent-encoded, so that a checkout whose path holds `#`,
 * `%` or a space still finds the files beside the bundle. (tsup's own shim builds the URL from the
 * raw path, where `#` starts a fragment.) `__filename` is that of the CommonJS file it lands in.
 */
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
