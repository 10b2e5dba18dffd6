// GitHub-flavoured Markdown to safe HTML. Raw HTML is escaped unless the app opts in.
import { Marked } from "marked";
import type { Tokens } from "marked";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SAFE_URL = /^(https?:|mailto:|tel:|#|\/|\.\/|\.\.\/|[^:]*$)/i;

const COLORS: Record<string, string> = {
  red: "#ff2b2b", orange: "#ff8700", yellow: "#faca2b", green: "#21c354", blue: "#1c83e1",
  violet: "#803df5", gray: "#808495", grey: "#808495", primary: "var(--fl-primary)", rainbow: "#ff4b4b",
};

function makeParser(allowHtml: boolean): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return allowHtml ? token.text : escapeHtml(token.text);
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens as Tokens.Generic[]);
        if (!SAFE_URL.test(token.href)) return text;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        return `<a href="${escapeHtml(token.href)}"${title} target="_blank" rel="noopener noreferrer">${text}</a>`;
      },
      image(token: Tokens.Image) {
        if (!SAFE_URL.test(token.href)) return escapeHtml(token.text);
        return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
      },
    },
    extensions: [
      {
        // Streamlit's coloured text: :red[text], :blue-background[text]
        name: "color",
        level: "inline",
        start: (src: string) => src.match(/:[a-z]+(-background)?\[/)?.index,
        tokenizer(src: string) {
          const match = /^:([a-z]+)(-background)?\[([^\]]*)\]/.exec(src);
          if (!match || !(match[1] in COLORS)) return undefined;
          return { type: "color", raw: match[0], color: match[1], background: Boolean(match[2]), tokens: this.lexer.inlineTokens(match[3]) };
        },
        renderer(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Generic) {
          const color = COLORS[token.color as string];
          const style = token.background ? `background-color:${color}33` : `color:${color}`;
          return `<span style="${style}">${this.parser.parseInline(token.tokens as Tokens.Generic[])}</span>`;
        },
      },
    ],
  });
  return marked;
}

const parsers = { safe: makeParser(false), unsafe: makeParser(true) };

export function markdownToHtml(body: string, allowHtml = false, inline = false): string {
  const parser = allowHtml ? parsers.unsafe : parsers.safe;
  return (inline ? parser.parseInline(body) : parser.parse(body)) as string;
}

export function Markdown({ body, allowHtml = false, inline = false }: { body: string; allowHtml?: boolean; inline?: boolean }) {
  const html = markdownToHtml(body, allowHtml, inline);
  return inline ? <span dangerouslySetInnerHTML={{ __html: html }} /> : <div dangerouslySetInnerHTML={{ __html: html }} />;
}
