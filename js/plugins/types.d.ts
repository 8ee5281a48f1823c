// Types shared by the bundler plugins of handler-closures.
import type { UnpluginInstance } from "unplugin";
import type { HandlerClosuresOptions } from "../api/index.d.ts";

/** A file filter: a RegExp or glob tested against the module's path, or a function of it. */
export type FilterPattern = RegExp | string | ((path: string) => boolean) | ReadonlyArray<RegExp | string | ((path: string) => boolean)>;

/**
 * The bundler plugins' options: the transform's own, except that `exclude`
 * filters files here and the transform's attribute-name `exclude` is spelt
 * `excludeAttributes`.
 */
export interface PluginOptions extends Omit<HandlerClosuresOptions, "exclude"> {
  /** Files to transform. Defaults to `.tsx`, `.jsx` and `.js` (only when they hold JSX handlers). */
  include?: FilterPattern;
  /** Files not to transform; `node_modules` is never transformed. Defaults to none. */
  exclude?: FilterPattern;
  /** Attribute names never treated as event attributes (the transform's `exclude`). Defaults to `[]`. */
  excludeAttributes?: string[];
  /** Hand the host a source map of the edit. Defaults to `true`. */
  sourceMap?: boolean;
}

export type PluginFactory<K extends "vite" | "rollup" | "rolldown" | "webpack" | "rspack" | "farm"> = UnpluginInstance<
  PluginOptions | undefined,
  false
>[K];
