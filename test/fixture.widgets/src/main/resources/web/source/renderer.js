// Shows the value; data-produced-at lets the test measure from the refresh to this DOM change.
export default {
    mount(body, ctx) {
        body.appendChild(ctx.el('span', {class: 'source-value'}));
    },
    update(body, data) {
        const value = body.querySelector('.source-value');
        value.textContent = data.value;
        value.dataset.producedAt = String(data.producedAt);
    },
};
