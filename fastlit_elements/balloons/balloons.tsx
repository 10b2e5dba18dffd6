// Renders st.balloons: balloons rise over the page on mount and whenever the nonce changes.
// The overlay never takes clicks (pointer-events: none) and empties itself when done.
import { useEffect, useMemo, useState } from "react";
import type { CSSProperties } from "react";
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

const COUNT = 30;
const MAX_DELAY_MS = 600;
const MIN_RISE_MS = 1500;
const MAX_RISE_MS = 2300;
const COLORS = ["#ff4b4b", "#ffa421", "#ffe312", "#21c354", "#1c83e1", "#803df5", "#ff8fab"];

injectStyle("balloons", `
.fl-balloons { position: fixed; inset: 0; pointer-events: none; overflow: hidden; z-index: 1000; }
.fl-balloons:empty { display: none; }
.fl-balloon { position: absolute; bottom: -9rem; width: 3.5rem; height: 4.4rem; pointer-events: none;
  border-radius: 50% 50% 48% 48% / 42% 42% 58% 58%;
  background: radial-gradient(circle at 32% 28%, rgba(255, 255, 255, 0.65), rgba(255, 255, 255, 0) 38%), var(--fl-balloon-color);
  animation-name: fl-balloon-rise; animation-timing-function: ease-in; animation-fill-mode: both; }
.fl-balloon::before { content: ""; position: absolute; left: 50%; bottom: -0.35rem; margin-left: -0.3rem;
  border: 0.3rem solid transparent; border-bottom-color: var(--fl-balloon-color); border-top: none; }
.fl-balloon::after { content: ""; position: absolute; left: 50%; top: calc(100% + 0.3rem); width: 1px; height: 4rem;
  background: rgba(49, 51, 63, 0.35); }
@keyframes fl-balloon-rise {
  0% { transform: translate3d(0, 0, 0) rotate(-4deg); opacity: 1; }
  50% { transform: translate3d(var(--fl-balloon-drift), -60vh, 0) rotate(4deg); }
  100% { transform: translate3d(0, calc(-100vh - 14rem), 0) rotate(-4deg); opacity: 1; }
}
@media (prefers-reduced-motion: reduce) { .fl-balloons { display: none; } }
`);

interface Balloon {
  left: number;
  delay: number;
  duration: number;
  drift: number;
  color: string;
  scale: number;
}

function launch(): Balloon[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    left: Math.random() * 96,
    delay: Math.random() * MAX_DELAY_MS,
    duration: MIN_RISE_MS + Math.random() * (MAX_RISE_MS - MIN_RISE_MS),
    drift: (Math.random() - 0.5) * 8,
    color: COLORS[i % COLORS.length],
    scale: 0.75 + Math.random() * 0.5,
  }));
}

export default function Balloons({ props }: ElementProps<{ nonce?: number }>) {
  const nonce = props.nonce ?? 0;
  const balloons = useMemo(launch, [nonce]);
  const [playing, setPlaying] = useState<number | null>(nonce);
  useEffect(() => {
    setPlaying(nonce);
    const timer = setTimeout(() => setPlaying(null), MAX_DELAY_MS + MAX_RISE_MS + 100);
    return () => clearTimeout(timer);
  }, [nonce]);
  return (
    <div className="fl-balloons stBalloons" aria-hidden="true" {...testId("stBalloons")}>
      {playing === nonce && balloons.map((b, i) => (
        <span
          key={`${nonce}-${i}`}
          className="fl-balloon"
          style={{
            left: `${b.left}%`,
            animationDelay: `${b.delay}ms`,
            animationDuration: `${b.duration}ms`,
            scale: String(b.scale),
            "--fl-balloon-color": b.color,
            "--fl-balloon-drift": `${b.drift}vw`,
          } as CSSProperties}
        />
      ))}
    </div>
  );
}
