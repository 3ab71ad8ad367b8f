// DOM helpers every Campus Mirror console plugin script imports (served at PLUGIN_ROOT/plugin.js by
// ConsolePluginServlet). Values from the network go in as text only.

/** A table cell with `text` as its text (empty for null or undefined) and an optional class. */
export function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) {
        td.className = className;
    }
    return td;
}
