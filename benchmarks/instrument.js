// Page-side instrumentation for benchmarks/run.py, added with context.add_init_script so it
// runs before the app's own scripts. run.py prepends `window.__benchWatch = [...]` (texts
// whose first appearance is timed during page load).
//
// - WebSocket is subclassed to timestamp every frame sent and received (performance.now());
//   byte counts here are a cross-check, run.py counts bytes with Playwright's frame events.
// - __bench.arm(expected) starts one measured interaction: the first keydown/pointerdown/
//   mousedown/click that reaches window (capture phase) is the start, and a MutationObserver
//   records when an element whose trimmed text is exactly `expected` enters the DOM.
// - __bench.done(quietMs, timeoutMs) resolves once that text is in the DOM and the app is idle
//   (no stStatusWidget, stApp not in a "running" script state, no websocket frame for quietMs).
(() => {
  if (window.__bench) return;
  const B = (window.__bench = {
    log: [], // [direction (0 sent, 1 received), performance.now(), size]
    last: 0, // time of the last frame in either direction
    sockets: 0,
    extensions: [],
    marks: {}, // watched text -> performance.now() when it entered the DOM
    cur: null,
  });

  const sizeOf = (d) =>
    typeof d === "string" ? new TextEncoder().encode(d).length : d.byteLength ?? d.size ?? 0;

  const NativeWebSocket = window.WebSocket;
  class BenchWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      B.sockets += 1;
      this.addEventListener("open", () => B.extensions.push(this.extensions || ""));
      this.addEventListener("message", (e) => {
        const t = performance.now();
        B.last = t;
        B.log.push([1, t, sizeOf(e.data)]);
      });
    }
    send(data) {
      const t = performance.now();
      B.last = t;
      B.log.push([0, t, sizeOf(data)]);
      return super.send(data);
    }
  }
  window.WebSocket = BenchWebSocket;

  // --- exact-text matching on mutations ----------------------------------------------------

  const exact = (el, text) => {
    const c = el.textContent;
    return c !== null && c.length >= text.length && c.trim() === text;
  };
  // A changed/added text node: does it, or one of a few ancestors, now read exactly `text`?
  const matchUp = (node, text) => {
    let el = node.nodeType === 1 ? node : node.parentElement;
    for (let i = 0; el && i < 4; i++, el = el.parentElement) if (exact(el, text)) return true;
    return false;
  };
  // An added subtree: does any element in it read exactly `text`?
  const matchDown = (node, text) => {
    if (node.nodeType === 3) return matchUp(node, text);
    if (node.nodeType !== 1) return false;
    const all = node.textContent;
    if (!all || !all.includes(text)) return false;
    if (all.trim() === text) return true;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) if (exact(el, text)) return true;
    return false;
  };
  const recordsMatch = (records, text) => {
    for (const r of records) {
      if (r.type === "characterData") {
        if (matchUp(r.target, text)) return true;
      } else {
        for (const n of r.addedNodes) if (matchDown(n, text)) return true;
      }
    }
    return false;
  };
  B.present = (text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) if (exact(el, text)) return true;
    return false;
  };

  // --- idle --------------------------------------------------------------------------------

  B.busy = () => {
    if (document.querySelector('[data-testid="stStatusWidget"]')) return "stStatusWidget";
    const app = document.querySelector('[data-testid="stApp"]');
    if (app) {
      const state = app.getAttribute("data-test-script-state");
      if (state !== null && state !== "notRunning") return `script-state=${state}`;
    }
    return null;
  };

  // --- page-load marks ---------------------------------------------------------------------

  const watch = (window.__benchWatch || []).slice();
  if (watch.length) {
    const loadObserver = new MutationObserver((records) => {
      const now = performance.now();
      for (const text of watch) {
        if (!(text in B.marks) && recordsMatch(records, text)) B.marks[text] = now;
      }
      if (watch.every((t) => t in B.marks)) loadObserver.disconnect();
    });
    loadObserver.observe(document, { subtree: true, childList: true, characterData: true });
  }

  // Resolves once the watched texts are in the DOM, the app is idle, nothing (frame or watched
  // text) happened for quietMs, and first-contentful-paint is recorded (or 3 s went by).
  // A status indicator still shown with no frame for stuckMs counts as idle but is reported.
  B.loaded = (quietMs, timeoutMs, stuckMs = 3000) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const paints = () => {
        const paint = {};
        for (const p of performance.getEntriesByType("paint")) paint[p.name] = p.startTime;
        return paint;
      };
      const tick = () => {
        const now = performance.now();
        const found = watch.every((t) => t in B.marks);
        const busy = B.busy();
        const settled = found ? Math.max(B.last, ...Object.values(B.marks)) : Infinity;
        const quiet = found && B.log.some((x) => x[0] === 1) && now - settled >= quietMs;
        const stuck = quiet && busy !== null && now - settled >= stuckMs;
        const painted = "first-contentful-paint" in paints() || now - settled >= 3000;
        const idle = quiet && (busy === null || stuck) && painted;
        if (idle || now - t0 > timeoutMs) {
          const nav = performance.getEntriesByType("navigation")[0] || {};
          const paint = paints();
          let transfer = nav.transferSize || 0;
          let decoded = nav.decodedBodySize || 0;
          for (const r of performance.getEntriesByType("resource")) {
            transfer += r.transferSize || 0;
            decoded += r.decodedBodySize || 0;
          }
          const recv = B.log.filter((x) => x[0] === 1);
          const sent = B.log.filter((x) => x[0] === 0);
          resolve({
            ok: idle,
            busy,
            stuckBusy: stuck ? busy : null,
            missing: watch.filter((t) => !(t in B.marks)),
            marks: B.marks,
            fcp: paint["first-contentful-paint"] ?? null,
            fp: paint["first-paint"] ?? null,
            domContentLoaded: nav.domContentLoadedEventEnd ?? null,
            loadEvent: nav.loadEventEnd ?? null,
            transferBytes: transfer,
            decodedBytes: decoded,
            resources: performance.getEntriesByType("resource").length + 1,
            wsRecvFrames: recv.length,
            wsRecvBytes: recv.reduce((a, x) => a + x[2], 0),
            wsSentFrames: sent.length,
            wsSentBytes: sent.reduce((a, x) => a + x[2], 0),
            extensions: B.extensions,
          });
        } else setTimeout(tick, 25);
      };
      tick();
    });

  // --- one measured interaction ------------------------------------------------------------

  const INPUT_EVENTS = ["keydown", "pointerdown", "mousedown", "click"];

  B.arm = (expected) => {
    const s = {
      expected,
      stray: B.log.length, // frames seen since the previous interaction finished
      tArm: performance.now(),
      tInput: null,
      inputEvent: null,
      inputTimeStamp: null,
      tDom: null,
      tFrame: null,
    };
    B.log = [];
    B.cur = s;
    s.onInput = (e) => {
      if (s.tInput !== null) return;
      s.tInput = performance.now();
      s.inputEvent = e.type;
      s.inputTimeStamp = e.timeStamp;
    };
    for (const t of INPUT_EVENTS) window.addEventListener(t, s.onInput, true);
    s.observer = new MutationObserver((records) => {
      if (s.tDom !== null || !recordsMatch(records, expected)) return;
      s.tDom = performance.now();
      s.observer.disconnect();
      requestAnimationFrame(() => {
        s.tFrame = performance.now();
      });
    });
    s.observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return s.tArm;
  };

  B.done = (quietMs, timeoutMs) =>
    new Promise((resolve) => {
      const s = B.cur;
      const t0 = performance.now();
      const tick = () => {
        const now = performance.now();
        const busy = B.busy();
        const idle =
          s.tDom !== null && s.tFrame !== null && !busy &&
          B.log.some((x) => x[0] === 1) && now - B.last >= quietMs;
        if (idle || now - t0 > timeoutMs) {
          for (const t of INPUT_EVENTS) window.removeEventListener(t, s.onInput, true);
          s.observer.disconnect();
          const sent = B.log.filter((x) => x[0] === 0);
          const recv = B.log.filter((x) => x[0] === 1);
          const firstSent = sent.length ? sent[0][1] : null;
          const afterSend = firstSent === null ? [] : recv.filter((x) => x[1] >= firstSent);
          B.cur = null;
          const result = {
            ok: idle,
            busy,
            present: s.tDom === null ? B.present(s.expected) : true,
            stray: s.stray,
            tArm: s.tArm,
            tInput: s.tInput,
            inputEvent: s.inputEvent,
            inputTimeStamp: s.inputTimeStamp,
            tDom: s.tDom,
            tFrame: s.tFrame,
            tFirstSent: firstSent,
            tFirstRecv: afterSend.length ? afterSend[0][1] : null,
            tLastRecv: recv.length ? recv[recv.length - 1][1] : null,
            // The first frames of the interaction: [direction, ms after the input, bytes].
            timeline: B.log.slice(0, 12).map((x) => [
              x[0] ? "recv" : "sent", s.tInput === null ? null : Math.round((x[1] - s.tInput) * 10) / 10, x[2],
            ]),
            sentFrames: sent.length,
            sentBytes: sent.reduce((a, x) => a + x[2], 0),
            recvFrames: recv.length,
            recvBytes: recv.reduce((a, x) => a + x[2], 0),
          };
          B.log = [];
          resolve(result);
        } else setTimeout(tick, s.tDom === null ? 50 : 20);
      };
      tick();
    });
})();
