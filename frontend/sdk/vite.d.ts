// Types of vite.js: the Vite plugin that builds element components for the Fastlit shell.
import type { Plugin } from "vite";

export interface FastlitComponentOptions {
  /** Component name -> its source file (relative to the Vite root); built to `<outDir>/<name>.js`. */
  entries: Record<string, string>;
  /** The build output folder, relative to the Vite root; emptied on every build. */
  outDir: string;
  /** The SDK version the bundles declare; defaults to this SDK's version (override in tests only). */
  sdkVersion?: string;
}

/** The SDK version bundles built by this plugin declare. */
export declare const SDK_VERSION: string;

/** Modules the page shares through its import map; they stay external in every bundle. */
export declare const SHARED: string[];

/** Configure a Vite build of element components: entries, externals, `sdkVersion`, manifest. */
export declare function fastlitComponent(options: FastlitComponentOptions): Plugin;
