// Builds every bundle the Python packages serve; run by hatch_build.py during the wheel build.
//   fastlit_core/static       the shell, the component SDK, and React as shared ES modules
//   fastlit_core/sdk_package  the SDK as an npm package folder, for third-party element builds
//   fastlit_elements/static   one module per built-in element component (*.tsx beside its plugin)
//   fastlit_charts/static     the same for the chart plugins
// React, react-dom, react/jsx-runtime and the SDK stay external in every bundle but the
// vendor one: the page's import map shares a single copy of each. Element bundles are built
// by the SDK's own Vite plugin (sdk/vite.js), exactly as a third-party package builds them.
import { build } from "vite";
import ts from "typescript";
import { createRequire } from "node:module";
import { readdirSync, writeFileSync, readFileSync, rmSync, mkdirSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SHARED, fastlitComponent } from "./sdk/vite.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const require = createRequire(import.meta.url);
const VENDOR = { react: "react", "react-dom": "react-dom", "react-dom/client": "react-dom-client", "react/jsx-runtime": "jsx-runtime" };

const common = {
  configFile: false,
  logLevel: "warn",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
};

/** Bare imports from component sources outside frontend/ resolve from frontend/node_modules. */
const resolveFromFrontend = {
  name: "fastlit-resolve-from-frontend",
  enforce: "pre",
  async resolveId(source, importer, options) {
    if (!importer || importer.startsWith(here) || /^[./\0]/.test(source) || source.startsWith("virtual:")) return null;
    return this.resolve(source, path.join(here, "src", "main.tsx"), { ...options, skipSelf: true });
  },
};

/** `virtual:vendor/<pkg>` re-exports a CommonJS package's names as an ES module. */
const vendorModules = {
  name: "fastlit-vendor",
  resolveId: (id) => (id.startsWith("virtual:vendor/") ? "\0" + id : null),
  load(id) {
    if (!id.startsWith("\0virtual:vendor/")) return null;
    const pkg = id.slice("\0virtual:vendor/".length);
    const names = Object.keys(require(pkg)).filter((n) => n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n));
    return `import * as m from ${JSON.stringify(pkg)};\n` +
      `export default (m.default ?? m);\n` +
      names.map((n) => `export const ${n} = m.${n};`).join("\n");
  },
};

function output(outDir, input, external, extra = {}) {
  return {
    ...common,
    root: here,
    plugins: [resolveFromFrontend, vendorModules],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      manifest: true,
      copyPublicDir: false,
      rolldownOptions: {
        input,
        external,
        preserveEntrySignatures: "strict",
        output: {
          format: "es",
          entryFileNames: "[name].js",
          chunkFileNames: "chunks/[name]-[hash].js",
          assetFileNames: "[name][extname]",
        },
      },
      ...extra,
    },
  };
}

function componentEntries(pkgDir) {
  const entries = {};
  for (const plugin of readdirSync(pkgDir, { withFileTypes: true })) {
    if (!plugin.isDirectory() || plugin.name === "static" || plugin.name.startsWith("_")) continue;
    const folder = path.join(pkgDir, plugin.name);
    for (const file of readdirSync(folder)) {
      if (!file.endsWith(".tsx") || file.startsWith("_")) continue; // _name.tsx: shared helpers
      const name = file.slice(0, -4);
      if (entries[name]) throw new Error(`two components named ${name} in ${pkgDir}`);
      entries[name] = path.join(folder, file);
    }
  }
  return entries;
}

function writeManifest(outDir, extra) {
  const files = JSON.parse(readFileSync(path.join(outDir, ".vite", "manifest.json"), "utf8"));
  rmSync(path.join(outDir, ".vite"), { recursive: true, force: true });
  writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify({ ...extra, files }, null, 1));
  return files;
}

async function buildShell() {
  const outDir = path.join(repo, "fastlit_core", "static");
  const vendorDir = path.join(outDir, "vendor");
  await build(output(vendorDir, Object.fromEntries(Object.entries(VENDOR).map(([pkg, name]) => [name, `virtual:vendor/${pkg}`])), []));
  rmSync(path.join(vendorDir, ".vite"), { recursive: true, force: true });
  const sdkDir = path.join(outDir, "sdk");
  await build(output(sdkDir, { sdk: path.join(here, "sdk", "index.ts") }, SHARED.filter((s) => s !== "@fastlit/component-sdk")));
  rmSync(path.join(sdkDir, ".vite"), { recursive: true, force: true });
  const shellDir = path.join(outDir, "shell");
  const files = await build(output(shellDir, { shell: path.join(here, "src", "main.tsx") }, SHARED)).then(() => writeManifest(shellDir, {}));
  const css = Object.values(files).flatMap((f) => f.css ?? []).map((c) => `shell/${c}`);
  const importmap = Object.fromEntries(Object.entries(VENDOR).map(([pkg, name]) => [pkg, `vendor/${name}.js`]));
  importmap["@fastlit/component-sdk"] = "sdk/sdk.js";
  writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify({ entry: "shell/shell.js", css, importmap }, null, 1));
}

/**
 * The SDK as an npm package folder inside fastlit_core, so a third-party element package can
 * `npm install` it from an installed fastlit (fastlit_core.sdk.package_dir()): index.js and
 * index.d.ts emitted by tsc from sdk/index.ts, the Vite plugin, and a package.json whose
 * version is SDK_VERSION.
 */
function buildSdkPackage() {
  const outDir = path.join(repo, "fastlit_core", "sdk_package");
  const source = path.join(here, "sdk");
  const meta = JSON.parse(readFileSync(path.join(source, "package.json"), "utf8"));
  const version = /export const SDK_VERSION = "([^"]+)"/.exec(readFileSync(path.join(source, "index.ts"), "utf8"))?.[1];
  if (version !== meta.version) {
    throw new Error(`sdk/package.json says version ${meta.version} but sdk/index.ts says SDK_VERSION ${version}`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const program = ts.createProgram([path.join(source, "index.ts")], {
    outDir,
    declaration: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    typeRoots: [path.join(here, "node_modules", "@types")],
    strict: true,
    skipLibCheck: true,
  });
  const emitted = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0) {
    throw new Error(ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => here, getNewLine: () => "\n" }));
  }
  for (const file of ["vite.js", "vite.d.ts"]) copyFileSync(path.join(source, file), path.join(outDir, file));
  const pkg = {
    ...meta,
    version,
    types: "./index.d.ts",
    exports: {
      ".": { types: "./index.d.ts", default: "./index.js" },
      "./vite": { types: "./vite.d.ts", default: "./vite.js" },
    },
  };
  writeFileSync(path.join(outDir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
}

async function buildComponents(pkg) {
  const pkgDir = path.join(repo, pkg);
  const entries = componentEntries(pkgDir);
  if (Object.keys(entries).length === 0) return;
  await build({ ...common, root: here, plugins: [resolveFromFrontend, fastlitComponent({ entries, outDir: path.join(pkgDir, "static") })] });
}

const started = Date.now();
buildSdkPackage();
await buildShell();
await buildComponents("fastlit_elements");
await buildComponents("fastlit_charts");
console.log(`fastlit frontend built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
