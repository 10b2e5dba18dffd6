// Unit tests resolve the SDK from source (the shell's build keeps it external, shared through
// the page's import map).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@fastlit/component-sdk": fileURLToPath(new URL("./sdk/index.ts", import.meta.url)) } },
});
