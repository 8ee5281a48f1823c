import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for rolldown. */
declare const handlerClosures: PluginFactory<"rolldown">;
export default handlerClosures;
