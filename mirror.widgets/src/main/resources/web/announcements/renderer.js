// Announcements ticker (RENDERERS.md): one announcement at a time, rotated on the page; urgent ones also come as
// alerts through the runtime's overlay, so here they are only marked.
const MARK = {important: {de: "Wichtig", en: "Important"}, urgent: {de: "Dringend", en: "Urgent"}};

function show(body, ctx) {
    const state = body.__ticker;
    const items = state.data ? state.data.items : [];
    if (!items.length) {
        body.replaceChildren();
        return;
    }
    const item = items[state.index % items.length];
    const text = ctx.t({de: item.textDe || item.textEn, en: item.textEn || item.textDe});
    const line = ctx.el("p", {class: "announcement " + item.priority});
    if (MARK[item.priority]) {
        line.append(ctx.el("span", {class: "mark"}, ctx.t(MARK[item.priority])));
    }
    line.append(ctx.el("span", {class: "text"}, text));
    body.replaceChildren(line);
}

export default {
    mount(body) {
        body.__ticker = {data: null, index: 0, period: 0, generation: 0};
    },
    update(body, data, ctx) {
        const state = body.__ticker;
        state.data = data;
        const period = Math.max(3, data.rotateSeconds || 8) * 1000;
        if (period !== state.period) {
            state.period = period;
            const generation = ++state.generation;
            if (typeof state.stop === "function") {
                state.stop();
            }
            let tick = 0;
            state.stop = ctx.every(period, () => {
                if (generation !== state.generation) {
                    return;
                }
                if (tick++ > 0) {
                    state.index++;
                }
                show(body, ctx);
            });
        }
        show(body, ctx);
    },
    unmount(body) {
        if (body.__ticker && typeof body.__ticker.stop === "function") {
            body.__ticker.stop();
        }
        delete body.__ticker;
    },
};
