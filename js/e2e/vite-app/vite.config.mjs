import react from "@vitejs/plugin-react-swc";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    react({
      // SWC plugins run in @vitejs/plugin-react-swc's own @swc/core (>= 1.16.0).
      plugins: [["swc-plugin-handler-closures", {}]],
    }),
  ],
  // Readable output, so the test can find the transformed handlers.
  build: { minify: false },
});
