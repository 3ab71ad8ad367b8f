// News renderer (RENDERERS.md): one headline at a time, rotated by the page's own clock, not by server refreshes.
const TEXT = {
    none: {de: "Keine Nachrichten", en: "No news"},
};

function show(body, ctx) {
    const state = body.__news;
    const items = state.data ? state.data.headlines : [];
    if (!items.length) {
        body.replaceChildren(ctx.el("p", {class: "empty"}, ctx.t(TEXT.none)));
        return;
    }
    const item = items[state.index % items.length];
    const meta = [item.source, item.published ? ctx.fmt.relative(item.published) : ""].filter((s) => s).join(" · ");
    // The position shares the source's line: one line less for a tile that usually sits at the panel's foot.
    const article = ctx.el("article", {class: "headline"},
        ctx.el("p", {class: "meta"}, ctx.el("span", {class: "source"}, meta),
            ctx.el("span", {class: "position"}, (state.index % items.length + 1) + " / " + items.length)),
        ctx.el("p", {class: "title"}, item.title));
    if (state.data.showSummary && item.summary) {
        article.append(ctx.el("p", {class: "summary"}, item.summary));
    }
    body.replaceChildren(article);
}

export default {
    mount(body, ctx) {
        body.__news = {data: null, index: 0, stop: null};
    },
    update(body, data, ctx) {
        const state = body.__news;
        const first = state.data === null;
        const seconds = Math.max(3, data.rotateSeconds || 10);
        const restart = first || state.data.rotateSeconds !== data.rotateSeconds;
        state.data = data;
        if (restart) {
            if (typeof state.stop === "function") {
                state.stop();
            }
            // A timer of an earlier period stops itself if ctx.every gave no way to stop it.
            const generation = state.generation = (state.generation || 0) + 1;
            let tick = 0;
            // ctx.every calls now and then every period; each call after the first moves on by one headline.
            state.stop = ctx.every(seconds * 1000, () => {
                if (generation !== state.generation) {
                    return;
                }
                if (tick++ > 0) {
                    state.index++;
                }
                show(body, ctx);
            });
        } else {
            show(body, ctx);
        }
    },
    unmount(body) {
        if (body.__news && typeof body.__news.stop === "function") {
            body.__news.stop();
        }
        delete body.__news;
    },
};
