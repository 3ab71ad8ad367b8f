// A renderer with a bug: update throws. The page must mark only this tile as failed.
export default {
    mount(body, ctx) {
        body.appendChild(ctx.el('span', {class: 'bad-renderer-mounted'}, 'mounted'));
    },
    update() {
        throw new Error('fixture renderer fails on purpose');
    },
};
