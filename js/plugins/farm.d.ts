import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for farm. */
declare const handlerClosures: PluginFactory<"farm">;
export default handlerClosures;
