// Theme resolution: configured options over a light or dark base, or the OS's preference.
import { describe, expect, it } from "vitest";
import { defaultTheme } from "@fastlit/component-sdk";
import { darkTheme, resolveTheme } from "./theme";

describe("resolveTheme", () => {
  it("follows the OS when no base is configured", () => {
    expect(resolveTheme({}, false)).toEqual(defaultTheme);
    expect(resolveTheme({}, true)).toEqual(darkTheme);
  });

  it("prefers the configured base over the OS", () => {
    expect(resolveTheme({ base: "light" }, true).base).toBe("light");
    expect(resolveTheme({ base: "dark" }, false).backgroundColor).toBe(darkTheme.backgroundColor);
  });

  it("lays custom colours and fonts over the base", () => {
    const theme = resolveTheme({ base: "dark", primaryColor: "#00aa00", font: "serif" }, false);
    expect(theme.primaryColor).toBe("#00aa00");
    expect(theme.textColor).toBe(darkTheme.textColor);
    expect(theme.font).toContain("serif");
    expect(resolveTheme({ font: "Comic Sans MS" }, false).font).toBe("Comic Sans MS");
  });
});
