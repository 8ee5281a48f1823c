// `swc-plugin-handler-closures/vite`: the handler-closures plugin for vite (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/vite";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"vite">} */
export default unplugin.vite;
