import type { PluginFactory } from "./types.d.ts";
export type { PluginOptions } from "./types.d.ts";

/** The handler-closures plugin for rspack. */
declare const handlerClosures: PluginFactory<"rspack">;
export default handlerClosures;
