// `swc-plugin-handler-closures/rspack`: the handler-closures plugin for rspack (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/rspack";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"rspack">} */
export default unplugin.rspack;
