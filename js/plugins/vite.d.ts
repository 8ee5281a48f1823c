import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for vite. */
declare const handlerClosures: PluginFactory<"vite">;
export default handlerClosures;
