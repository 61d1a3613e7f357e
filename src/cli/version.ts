/** Replaced at build time by tsup's `define`, so `--version` reads no file. */
declare const __SAA_VERSION__: string;
export const VERSION: string = typeof __SAA_VERSION__ === 'string' ? __SAA_VERSION__ : '0.0.0-dev';
