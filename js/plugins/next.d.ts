import type { HandlerClosuresOptions } from "../api/index.d.ts";

/**
 * Adds the handler-closures transform to a Next.js config: the SWC plugin on
 * Next.js >= 16.4.0, the webpack loader (webpack and Turbopack) before.
 */
export function withHandlerClosures<C>(nextConfig?: C, options?: HandlerClosuresOptions): C;

/** The route a Next.js version takes. */
export function chooseRoute(version: string | null): "swc-plugin" | "loader";

/** The Next.js version installed in the project, or `null`. */
export function installedNextVersion(cwd?: string): string | null;
