// `swc-plugin-handler-closures/rollup`: the handler-closures plugin for rollup (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/rollup";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"rollup">} */
export default unplugin.rollup;
