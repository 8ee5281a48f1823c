// `swc-plugin-handler-closures/webpack`: the handler-closures plugin for webpack (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/webpack";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"webpack">} */
export default unplugin.webpack;
