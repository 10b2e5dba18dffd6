// The theme: the server's theme.* options over a light or dark base, as CSS variables and
// through the SDK (useTheme). With no configured base, it follows the OS's dark mode.
import { defaultTheme, setTheme } from "@fastlit/component-sdk";
import type { Theme } from "@fastlit/component-sdk";
import type { ThemeOptions } from "./protocol";

/** Streamlit's dark theme colours. */
export const darkTheme: Theme = {
  base: "dark",
  primaryColor: "#ff4b4b",
  backgroundColor: "#0e1117",
  secondaryBackgroundColor: "#262730",
  textColor: "#fafafa",
  font: defaultTheme.font,
};

/** Streamlit's font names; anything else is taken as a CSS font-family list. */
const FONTS: Record<string, string> = {
  "sans-serif": defaultTheme.font,
  serif: '"Source Serif Pro", Georgia, "Times New Roman", serif',
  monospace: '"Source Code Pro", ui-monospace, SFMono-Regular, Menlo, monospace',
};

export function resolveTheme(options: ThemeOptions, prefersDark: boolean): Theme {
  const base = options.base === "light" || options.base === "dark" ? options.base : prefersDark ? "dark" : "light";
  const theme: Theme = { ...(base === "dark" ? darkTheme : defaultTheme) };
  for (const key of ["primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor"] as const) {
    const value = options[key];
    if (typeof value === "string" && value) theme[key] = value;
  }
  if (typeof options.font === "string" && options.font) theme.font = FONTS[options.font] ?? options.font;
  return theme;
}

/** The theme as the shell's CSS variables (muted text and borders derive from the text colour). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  const vars: Record<string, string> = {
    "--fl-primary": theme.primaryColor,
    "--fl-text": theme.textColor,
    "--fl-bg": theme.backgroundColor,
    "--fl-bg2": theme.secondaryBackgroundColor,
    "--fl-font": theme.font,
  };
  for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);
  root.style.colorScheme = theme.base;
  root.dataset.flTheme = theme.base;
}

let configured: ThemeOptions = {};
let current: Theme = defaultTheme;
const darkMode = typeof window !== "undefined" && typeof window.matchMedia === "function"
  ? window.matchMedia("(prefers-color-scheme: dark)")
  : null;

function update(): void {
  current = resolveTheme(configured, darkMode?.matches ?? false);
  applyTheme(current);
  setTheme(current);
}

/** The theme in effect: what the shell registers with the SDK and reports in its hello. */
export function currentTheme(): Theme {
  return current;
}

/** Apply the server's configured options (from the welcome message). */
export function configureTheme(options: ThemeOptions | null | undefined): void {
  configured = options ?? {};
  update();
}

/** Start with the options the page carries (else the OS's preference); follow OS changes. */
export function startTheme(root: HTMLElement = document.documentElement): void {
  try {
    configured = JSON.parse(root.dataset.flThemeOptions ?? "{}") as ThemeOptions;
  } catch {
    configured = {};
  }
  darkMode?.addEventListener("change", update);
  update();
}
