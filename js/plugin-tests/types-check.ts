// Type check of the package's entry points as a user imports them (run by
// package.test.mjs with tsc --strict): options, factories, withHandlerClosures.
import vite from "swc-plugin-handler-closures/vite";
import rollup from "swc-plugin-handler-closures/rollup";
import rolldown from "swc-plugin-handler-closures/rolldown";
import webpack from "swc-plugin-handler-closures/webpack";
import rspack from "swc-plugin-handler-closures/rspack";
import farm from "swc-plugin-handler-closures/farm";
import esbuild from "swc-plugin-handler-closures/esbuild";
import { withHandlerClosures } from "swc-plugin-handler-closures/next";
import { handlerClosures, transform } from "swc-plugin-handler-closures/api";

const options = { include: [/\.tsx$/, "src/**/*.jsx"], exclude: (path: string) => path.includes("legacy"), excludeAttributes: ["onceOnly"], captureMode: "roots" as const };
export const plugins = [vite(options), rollup(), rolldown(options), webpack(), rspack(), farm(), esbuild({ filter: /\.tsx$/, excludeAttributes: [] }), handlerClosures()];
export const config = withHandlerClosures({ reactStrictMode: true }, { helperModule: "commontools", exclude: ["onFoo"] });
export const result = transform("<a onClick={() => 1} />", { filename: "a.tsx" }).then((r) => r.diagnostics.map((d) => d.line));
// @ts-expect-error: not an option
vite({ captureMode: "everything" });
