import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for rollup. */
declare const handlerClosures: PluginFactory<"rollup">;
export default handlerClosures;
