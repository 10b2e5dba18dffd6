// Shared by the iframe hosts: Streamlit's iframe sandbox and feature policies, and base64.

/** Streamlit's sandbox for html(), iframe() and component iframes: scripts, forms, popups,
 *  downloads and same-origin access (so a component can read its own files and storage). */
export const IFRAME_SANDBOX = [
  "allow-forms",
  "allow-modals",
  "allow-popups",
  "allow-popups-to-escape-sandbox",
  "allow-same-origin",
  "allow-scripts",
  "allow-downloads",
].join(" ");

/** Streamlit's `allow` (permissions policy) for the same iframes. */
export const IFRAME_ALLOW = [
  "accelerometer", "ambient-light-sensor", "autoplay", "battery", "camera", "clipboard-write",
  "document-domain", "encrypted-media", "fullscreen", "geolocation", "gyroscope",
  "layout-animations", "legacy-image-formats", "magnetometer", "microphone", "midi",
  "oversized-images", "payment", "picture-in-picture", "publickey-credentials-get", "sync-xhr",
  "usb", "vr ", "wake-lock", "xr-spatial-tracking",
].join("; ");

/** Python's bytes travel as base64 inside JSON. */
export function bytesFromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64FromBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A typed array, DataView or ArrayBuffer as a Uint8Array over the same bytes; else null. */
export function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/** How a Python bytes value is tagged on the wire (see _wire.py). */
export const BYTES_TAG = "__fastlit_bytes__";
