// `swc-plugin-handler-closures/rolldown`: the handler-closures plugin for rolldown (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/rolldown";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"rolldown">} */
export default unplugin.rolldown;
