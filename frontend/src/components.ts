// Component modules by node type, each import()ed the first time a node of that type shows.
import { lazy } from "react";
import type { ComponentType, LazyExoticComponent } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { SDK_VERSION } from "@fastlit/component-sdk";

type Loaded = LazyExoticComponent<ComponentType<ElementProps>>;

let urls: Record<string, string> = {};
const loaded = new Map<string, Loaded>();
const SDK_MAJOR = SDK_VERSION.split(".")[0];

export function setComponentUrls(next: Record<string, string>): void {
  urls = next;
}

export function componentFor(type: string): Loaded | undefined {
  const url = urls[type];
  if (url === undefined) return undefined;
  let component = loaded.get(type);
  if (component === undefined) {
    component = lazy(async () => {
      const module = (await import(/* @vite-ignore */ url)) as { default?: ComponentType<ElementProps>; sdkVersion?: string };
      const major = module.sdkVersion?.split(".")[0];
      if (major !== undefined && major !== SDK_MAJOR) {
        throw new Error(`component "${type}" was built for component SDK ${module.sdkVersion}, but this page provides ${SDK_VERSION}`);
      }
      if (typeof module.default !== "function" && typeof module.default !== "object") {
        throw new Error(`component module for "${type}" has no default export`);
      }
      return { default: module.default as ComponentType<ElementProps> };
    });
    loaded.set(type, component);
  }
  return component;
}
