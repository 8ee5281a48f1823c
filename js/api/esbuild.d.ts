import type { EsbuildPlugin, EsbuildPluginOptions } from "./index.d.ts";
export type { EsbuildPlugin, EsbuildPluginOptions } from "./index.d.ts";

/** The esbuild plugin (also `handlerClosures` of `swc-plugin-handler-closures/api`). */
export default function handlerClosures(options?: EsbuildPluginOptions): EsbuildPlugin;
