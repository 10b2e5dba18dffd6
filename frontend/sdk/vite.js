// The Vite side of the component SDK: build element components the way the shell loads them.
//
//   // vite.config.ts of an element package
//   import { defineConfig } from "vite";
//   import { fastlitComponent } from "@fastlit/component-sdk/vite";
//   export default defineConfig({
//     plugins: [fastlitComponent({ entries: { rating: "fastlit_rating/rating.tsx" }, outDir: "fastlit_rating/static" })],
//   });
//
// Every entry becomes `<outDir>/<name>.js`, an ES module whose default export is the component
// and which also exports `sdkVersion` (the shell refuses a module built for another major).
// React, react-dom and the SDK stay external: the page's import map shares one copy of each.
// `<outDir>/manifest.json` records the SDK version, the components and every file built.
// Fastlit's own element bundles are built with this same plugin (frontend/build.mjs).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/** The SDK version bundles built here declare (this package's version). */
export const SDK_VERSION = pkg.version;

/** Modules the page shares through its import map: never bundled. */
export const SHARED = ["react", "react-dom", "react-dom/client", "react/jsx-runtime", pkg.name];

const WRAPPER = "\0fastlit-component:";

/**
 * A Vite plugin that configures the build of element components.
 * @param {{ entries: Record<string, string>, outDir: string, sdkVersion?: string }} options
 */
export function fastlitComponent({ entries, outDir, sdkVersion = SDK_VERSION }) {
  if (!entries || Object.keys(entries).length === 0) throw new Error("fastlitComponent: no entries");
  let root = process.cwd();
  return {
    name: "fastlit-component",
    config(config) {
      root = path.resolve(config.root ?? process.cwd());
      const dir = path.resolve(root, outDir);
      checkOutDir(dir, root);
      return {
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
        build: {
          outDir: dir,
          emptyOutDir: true,
          target: "es2022",
          copyPublicDir: false,
          rolldownOptions: {
            input: Object.fromEntries(Object.keys(entries).map((name) => [name, WRAPPER + name])),
            external: SHARED,
            preserveEntrySignatures: "strict",
            output: {
              format: "es",
              entryFileNames: "[name].js",
              chunkFileNames: "chunks/[name]-[hash].js",
              assetFileNames: "[name][extname]",
            },
          },
        },
      };
    },
    // Each entry is a small wrapper: the component as default export, plus `sdkVersion`.
    resolveId(id) {
      return id.startsWith(WRAPPER) ? id : null;
    },
    load(id) {
      if (!id.startsWith(WRAPPER)) return null;
      const source = path.resolve(root, entries[id.slice(WRAPPER.length)]);
      return `export { default } from ${JSON.stringify(source)};\n` +
        `export const sdkVersion = ${JSON.stringify(sdkVersion)};\n`;
    },
    generateBundle(_options, bundle) {
      const files = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        files[fileName] = output.type === "chunk" ? { imports: output.imports } : {};
      }
      const components = Object.keys(entries).map((name) => `${name}.js`);
      this.emitFile({
        type: "asset",
        fileName: "manifest.json",
        source: JSON.stringify({ sdkVersion, components, files }, null, 1),
      });
    },
  };
}

/** The output folder is emptied on every build: refuse one that holds sources. */
function checkOutDir(dir, root) {
  const up = path.relative(dir, root);
  if (up === "" || (!up.startsWith("..") && !path.isAbsolute(up))) {
    throw new Error(`fastlitComponent: outDir ${dir} contains the project; use a folder of build output only`);
  }
  if (existsSync(dir) && readdirSync(dir).some((f) => /\.(py|tsx?|jsx)$/.test(f) || f === "package.json")) {
    throw new Error(`fastlitComponent: outDir ${dir} holds source files; use a folder of build output only`);
  }
}
