// The rendering of a widget kind without a renderer of its own (RENDERERS.md): the data as nested lists of text.
// Plain, but readable, and like everything on the page it puts data into the DOM as text only.

const MAX_DEPTH = 6;
const MAX_ITEMS = 40;

function node(ctx, value, depth) {
    if (value === null || value === undefined) {
        return ctx.el('span', {class: 'default-empty'}, '–');
    }
    if (typeof value !== 'object') {
        return ctx.el('span', {class: 'default-value'}, typeof value === 'number' ? ctx.fmt.number(value) : String(value));
    }
    if (depth >= MAX_DEPTH) {
        return ctx.el('span', {class: 'default-empty'}, '…');
    }
    if (Array.isArray(value)) {
        const list = ctx.el('ul', {class: 'default-list'});
        value.slice(0, MAX_ITEMS).forEach((item) => list.appendChild(ctx.el('li', {}, node(ctx, item, depth + 1))));
        if (value.length > MAX_ITEMS) {
            list.appendChild(ctx.el('li', {class: 'default-empty'}, '… +' + (value.length - MAX_ITEMS)));
        }
        return list;
    }
    const entries = Object.entries(value).slice(0, MAX_ITEMS);
    const list = ctx.el('dl', {class: 'default-fields'});
    for (const [key, item] of entries) {
        list.appendChild(ctx.el('dt', {}, key));
        list.appendChild(ctx.el('dd', {}, node(ctx, item, depth + 1)));
    }
    return list;
}

export default {
    mount(body) {
        body.classList.add('default-renderer');
    },
    update(body, data, ctx) {
        body.replaceChildren(node(ctx, data, 0));
    },
};
