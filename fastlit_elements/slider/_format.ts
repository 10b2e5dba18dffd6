// Slider labels: printf-style and named number formats, momentJS-style date formats.
export type DataType = "int" | "float" | "date" | "time" | "datetime";

export const DEFAULT_FORMATS: Record<DataType, string> = {
  int: "%d", float: "%0.2f", date: "YYYY-MM-DD", time: "HH:mm", datetime: "YYYY-MM-DD",
};

export function formatValue(value: number, dataType: DataType, format: string | undefined): string {
  const fmt = format ?? DEFAULT_FORMATS[dataType];
  if (dataType === "int" || dataType === "float") return formatNumber(value, fmt);
  // Timelike values are microseconds of wall-clock time read as UTC (Python keeps the zone).
  return formatDate(new Date(Math.floor(value / 1000)), dataType, fmt);
}

// --- numbers ---------------------------------------------------------------------------

const NAMED: Record<string, (value: number) => string> = {
  plain: (v) => String(v),
  localized: (v) => v.toLocaleString(undefined, { maximumFractionDigits: 6 }),
  percent: (v) => new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 2 }).format(v),
  dollar: (v) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(v),
  euro: (v) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(v),
  yen: (v) => new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(v),
  compact: (v) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(v),
  scientific: (v) => new Intl.NumberFormat("en-US", { notation: "scientific", maximumFractionDigits: 3 }).format(v),
  engineering: (v) => new Intl.NumberFormat("en-US", { notation: "engineering", maximumFractionDigits: 3 }).format(v),
  accounting: (v) => {
    const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(v));
    return v < 0 ? `(${text})` : text;
  },
  bytes: (v) => {
    const units = ["B", "KB", "MB", "GB", "TB", "PB"];
    let size = Math.abs(v);
    let unit = 0;
    while (size >= 1000 && unit < units.length - 1) { size /= 1000; unit += 1; }
    const text = unit === 0 ? String(size) : size.toFixed(1).replace(/\.0$/, "");
    return `${v < 0 ? "-" : ""}${text}${units[unit]}`;
  },
};

// sprintf-js syntax (what Streamlit uses) plus its "," thousands flag: %[flags][width][.precision]type
const PLACEHOLDER = /%((?:[+\-0 ,]|'.)*)(\d+)?(?:\.(\d+))?([%bcdeEfFgGiosuxX])/g;

export function formatNumber(value: number, format: string): string {
  const named = NAMED[format];
  if (named !== undefined) return named(value);
  return format.replace(PLACEHOLDER, (_match, flags: string, width?: string, precision?: string, type?: string) => {
    if (type === "%") return "%";
    const digits = precision === undefined ? undefined : Number(precision);
    let negative = value < 0;
    const abs = Math.abs(value);
    let body: string;
    switch (type) {
      case "d": case "i": body = String(Math.trunc(abs)); negative = negative && Math.trunc(abs) !== 0; break;
      case "u": body = String(Math.trunc(value) >>> 0); negative = false; break;
      case "f": case "F": body = digits === undefined ? String(abs) : abs.toFixed(digits); break;
      case "e": case "E": body = digits === undefined ? abs.toExponential() : abs.toExponential(digits); break;
      case "g": case "G": body = digits === undefined ? String(abs) : abs.toPrecision(digits || 1); break;
      case "x": case "X": body = (Math.trunc(value) >>> 0).toString(16); negative = false; break;
      case "o": body = (Math.trunc(value) >>> 0).toString(8); negative = false; break;
      case "b": body = (Math.trunc(value) >>> 0).toString(2); negative = false; break;
      case "c": body = String.fromCharCode(Math.trunc(value)); negative = false; break;
      default: body = String(abs); // "s"
    }
    if (type === "E" || type === "G" || type === "X") body = body.toUpperCase();
    if (flags.includes(",") && "diufF".includes(type ?? "")) body = groupThousands(body);
    const sign = negative ? "-" : flags.includes("+") ? "+" : "";
    const custom = /'(.)/.exec(flags);
    const padChar = custom ? custom[1] : flags.replace(/'./g, "").includes("0") ? "0" : " ";
    const padLength = Math.max(0, Number(width ?? 0) - sign.length - body.length);
    const pad = padChar.repeat(padLength);
    if (flags.replace(/'./g, "").includes("-")) return sign + body + pad;
    return padChar === "0" ? sign + pad + body : pad + sign + body;
  });
}

function groupThousands(body: string): string {
  const [whole, fraction] = body.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// --- dates (UTC fields: the value already is the wall-clock time) -----------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const TOKENS = /\[([^\]]*)]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DDDD|DDD|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|X|x|ZZ|Z/g;

const two = (n: number) => String(n).padStart(2, "0");

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function formatDate(date: Date, dataType: DataType, format: string): string {
  switch (format) {
    case "localized": {
      const style: Intl.DateTimeFormatOptions = dataType === "date" ? { dateStyle: "medium" }
        : dataType === "time" ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" };
      return new Intl.DateTimeFormat(undefined, { ...style, timeZone: "UTC" }).format(date);
    }
    case "iso8601":
      return momentFormat(date, dataType === "date" ? "YYYY-MM-DD" : dataType === "time" ? "HH:mm:ss" : "YYYY-MM-DDTHH:mm:ss");
    case "distance":
      return distance(date);
    case "calendar":
      return calendar(date);
    default:
      return momentFormat(date, format);
  }
}

export function momentFormat(date: Date, format: string): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  const hours = date.getUTCHours();
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return format.replace(TOKENS, (token: string, literal?: string) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "YYYY": return String(year).padStart(4, "0");
      case "YY": return two(year % 100);
      case "Q": return String(Math.floor(month / 3) + 1);
      case "MMMM": return MONTHS[month];
      case "MMM": return MONTHS[month].slice(0, 3);
      case "MM": return two(month + 1);
      case "M": return String(month + 1);
      case "Do": return ordinal(day);
      case "DDDD": return String(dayOfYear).padStart(3, "0");
      case "DDD": return String(dayOfYear);
      case "DD": return two(day);
      case "D": return String(day);
      case "dddd": return DAYS[weekday];
      case "ddd": return DAYS[weekday].slice(0, 3);
      case "dd": return DAYS[weekday].slice(0, 2);
      case "d": return String(weekday);
      case "HH": return two(hours);
      case "H": return String(hours);
      case "hh": return two(hours % 12 || 12);
      case "h": return String(hours % 12 || 12);
      case "kk": return two(hours || 24);
      case "k": return String(hours || 24);
      case "mm": return two(date.getUTCMinutes());
      case "m": return String(date.getUTCMinutes());
      case "ss": return two(date.getUTCSeconds());
      case "s": return String(date.getUTCSeconds());
      case "SSS": return String(date.getUTCMilliseconds()).padStart(3, "0");
      case "SS": return String(date.getUTCMilliseconds()).padStart(3, "0").slice(0, 2);
      case "S": return String(Math.floor(date.getUTCMilliseconds() / 100));
      case "A": return hours < 12 ? "AM" : "PM";
      case "a": return hours < 12 ? "am" : "pm";
      case "X": return String(Math.floor(date.getTime() / 1000));
      case "x": return String(date.getTime());
      case "ZZ": return "+0000";
      default: return "+00:00"; // "Z"
    }
  });
}

/** The browser's local wall-clock time, as a Date whose UTC fields hold it (like the values). */
function localNow(): Date {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
}

function distance(date: Date): string {
  const seconds = (date.getTime() - localNow().getTime()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1],
  ];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(seconds / size), unit);
}

function calendar(date: Date): string {
  const now = localNow();
  const days = Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
    - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000);
  const time = momentFormat(date, "h:mm A");
  if (days === 0) return `Today at ${time}`;
  if (days === 1) return `Tomorrow at ${time}`;
  if (days === -1) return `Yesterday at ${time}`;
  if (days > 1 && days < 7) return `${momentFormat(date, "dddd")} at ${time}`;
  if (days < -1 && days > -7) return `Last ${momentFormat(date, "dddd")} at ${time}`;
  return momentFormat(date, "MM/DD/YYYY");
}
