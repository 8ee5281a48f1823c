import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for webpack. */
declare const handlerClosures: PluginFactory<"webpack">;
export default handlerClosures;
