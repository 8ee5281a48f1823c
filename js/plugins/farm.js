// `swc-plugin-handler-closures/farm`: the handler-closures plugin for farm (see unplugin.js).
//
//   import handlerClosures from "swc-plugin-handler-closures/farm";
//   handlerClosures({ helperModule: "commontools", include: [/\.tsx$/] });
import { unplugin } from "./unplugin.js";

/** @type {import("./types.d.ts").PluginFactory<"farm">} */
export default unplugin.farm;
