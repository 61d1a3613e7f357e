/**
 * Runs the command-line bundle (`dist/saa.cjs`: every command in one CommonJS file) with a V8
 * code cache. Node 20 keeps no compiled code between runs, so every start compiled the same
 * functions again; a script run through `vm.Script` can be handed the code V8 made for it last
 * time. The cache is made after a run (`createCachedData` then holds every function that run
 * compiled, not only the top level, which is what v8-compile-cache and `produceCachedData`
 * keep), one file per command under the cache folder. It is keyed by the program and Node
 * versions and the bundle file's stamp (V8 itself refuses a cache made under other flags), and carries a hash of its own bytes: V8 checks a cache
 * against its source only by length and, in release builds, not against damage, so a cache for
 * another bundle, a truncated or a corrupted one is never handed to it. `SAA_NO_CACHE` turns it off.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { sha256, statStamp, writeAtomically } from '../io/cache-files.js';
import { cacheDir, type Env, noCacheEnv } from '../io/paths.js';

const MAGIC = 'saa-code-cache 1\n';
const HASH_HEX = 64;

/** The commands whose start-ups get a cache file each; any other command line shares one. */
export const CACHED_COMMANDS = [
  'quiz',
  'review',
  'drill',
  'exam',
  'today',
  'topics',
  'stats',
  'questions',
  'notes',
  'import',
  'export',
  'doctor',
  'completion',
] as const;

export interface LoadOptions {
  env: Env;
  version: string;
  /** The command line's first word. */
  command: string | undefined;
  /**
   * A code cache the build made (scripts/seed-caches.mjs), in this cache's format, for a command
   * that has none of its own yet: checked like that one, so it fits only the bundle it was made for.
   */
  seed?: string;
}

export interface LoadedBundle {
  exports: unknown;
  /**
   * hit: V8 took this command's cached code; seed: it took the build's (see `seed`); miss: there
   * was none that fits; off: SAA_NO_CACHE.
   */
  cache: 'hit' | 'seed' | 'miss' | 'off';
  /** Writes this command's cache for the next start when it had none that fit (a failure costs only that). */
  save(): void;
}

export function codeCacheFile(env: Env, command: string | undefined): string {
  const name = (CACHED_COMMANDS as readonly string[]).includes(command ?? '') ? command : 'other';
  return join(cacheDir(env), 'code', `${name}.v8`);
}

/** What the cache must be for: this program and Node, and the bundle exactly as it is on disk now. */
function keyOf(file: string, version: string): string {
  const st = statSync(file, { bigint: true });
  return sha256([MAGIC, version, process.version, process.arch, statStamp(st)].join('\0'));
}

/** The cached code when the file is whole and for this key, else undefined. */
function readCode(cacheFile: string, key: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const head = MAGIC.length;
  const bodyAt = head + 2 * (HASH_HEX + 1);
  if (bytes.length <= bodyAt || bytes.toString('latin1', 0, head) !== MAGIC) return undefined;
  if (bytes.toString('latin1', head, head + HASH_HEX) !== key) return undefined;
  const body = bytes.subarray(bodyAt);
  return bytes.toString('latin1', head + HASH_HEX + 1, head + 2 * HASH_HEX + 1) === sha256(body) ? body : undefined;
}

/**
 * A built-in module that loads when first used: commander requires child_process at start-up
 * for a kind of subcommand saa has none of, and Node's child_process (with net and dgram)
 * costs about 2 ms of every start.
 */
function loadedOnUse(load: () => object): object {
  let mod: object | undefined;
  const get = () => {
    mod ??= load();
    return mod;
  };
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(get(), key),
      has: (_, key) => Reflect.has(get(), key),
      ownKeys: () => Reflect.ownKeys(get()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(get(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
}

/**
 * Runs the bundle `file` as Node would a CommonJS file, with cached code when there is some that
 * fits. The file holds the function Node would wrap a CommonJS file's text in.
 */
export function loadBundle(file: string, o: LoadOptions): LoadedBundle {
  const off = noCacheEnv(o.env);
  const key = off ? '' : keyOf(file, o.version);
  const cacheFile = codeCacheFile(o.env, o.command);
  const own = off ? undefined : readCode(cacheFile, key);
  const seeded = off || own || !o.seed ? undefined : readCode(o.seed, key);
  const cachedData = own ?? seeded;
  const source = readFileSync(file, 'utf8');
  // The file is CommonJS's wrapper function around the bundle already (tsup.config.ts): no copy of it is made here.
  const script = new Script(source, {
    filename: file,
    cachedData,
    // The bundle has no import() of its own (a test holds it to that); should one appear, Node's loader serves it (Node ≥ 20.12).
    importModuleDynamically: (constants as Partial<typeof constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const taken = cachedData !== undefined && !script.cachedDataRejected;
  const hit = taken && own !== undefined;
  const real = createRequire(file);
  // js-yaml 3 (under gray-matter) tries to load the 300 KB esprima parser for a YAML type the safe schema never uses.
  const require = Object.assign((id: string) => {
    if (id === 'esprima') throw new Error('esprima is not loaded');
    if (id === 'child_process') return loadedOnUse(() => real(id));
    return real(id);
  }, real);
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...a: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  module.loaded = true;
  return {
    exports: module.exports,
    cache: off ? 'off' : hit ? 'hit' : taken ? 'seed' : 'miss',
    save() {
      if (off || hit) return;
      try {
        const code = script.createCachedData();
        writeAtomically(cacheFile, Buffer.concat([Buffer.from(`${MAGIC}${key}\n${sha256(code)}\n`, 'latin1'), code]));
      } catch {
        // A cache that cannot be made only costs the next start its compile.
      }
    },
  };
}

/** The entry's way into every command but the fast --help and --version: the bundle beside it, its cache saved at exit. */
export async function runBundle(args: string[], version: string): Promise<void> {
  const loaded = loadBundle(fileURLToPath(new URL('./saa.cjs', import.meta.url)), {
    env: process.env,
    version,
    command: args[0],
    seed: fileURLToPath(new URL('./code-seed.v8', import.meta.url)),
  });
  process.once('exit', () => loaded.save());
  await (loaded.exports as { main(args: string[]): Promise<void> }).main(args);
}
