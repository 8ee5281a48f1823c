import { fileURLToPath } from "node:url";

// js/e2e holds this app's node_modules (shared with the other host tests).
const e2eDir = fileURLToPath(new URL("..", import.meta.url));

/** @type {import("next").NextConfig} */
const nextConfig = {
  experimental: {
    // By package name: Turbopack resolves plugins from the project, not from
    // absolute paths.
    swcPlugins: [["swc-plugin-handler-closures", {}]],
  },
  turbopack: { root: e2eDir },
  outputFileTracingRoot: e2eDir,
};

export default nextConfig;
