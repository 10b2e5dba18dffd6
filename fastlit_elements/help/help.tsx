// Renders st.help ("help_info" nodes): name, type, signature, docstring, members.
import type { ElementProps } from "@fastlit/component-sdk";
import { injectStyle, testId } from "@fastlit/component-sdk";

interface Member {
  name: string;
  type: string;
  value?: string;
  doc_string?: string;
}

interface HelpProps {
  name: string;
  type: string;
  value?: string;
  doc_string: string;
  members?: Member[];
}

injectStyle("help", `
.fl-help { border: 1px solid var(--fl-border); border-radius: var(--fl-radius); padding: 0.75rem 1rem; font-size: 0.9rem; }
.fl-help-head { font-family: var(--fl-mono); margin-bottom: 0.5rem; }
.fl-help-type { color: var(--fl-muted); margin-left: 0.5rem; }
.fl-help-doc { white-space: pre-wrap; margin: 0 0 0.5rem; }
.fl-help table { border-collapse: collapse; width: 100%; }
.fl-help td { border-top: 1px solid var(--fl-border); padding: 0.25rem 0.5rem; vertical-align: top; font-family: var(--fl-mono); font-size: 0.8rem; }
`);

export default function Help({ props }: ElementProps<HelpProps>) {
  return (
    <div className="fl-help" {...testId("stHelp")}>
      <div className="fl-help-head">
        <strong>{props.name}</strong>
        <span className="fl-help-type">{props.type}</span>
      </div>
      {props.value && <pre className="fl-help-doc" {...testId("stHelpValue")}>{props.value}</pre>}
      {props.doc_string && <p className="fl-help-doc" {...testId("stHelpDoc")}>{props.doc_string}</p>}
      {props.members && props.members.length > 0 && (
        <table {...testId("stHelpMembers")}>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.name}>
                <td>{m.name}</td>
                <td>{m.type}</td>
                <td>{m.doc_string ?? m.value ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
