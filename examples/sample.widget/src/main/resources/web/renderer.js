// The exam countdown's renderer (see mirror.runtime's RENDERERS.md). The widget sends what the exam is and when;
// the countdown ticks here, once a minute, in the display's language.

const latest = new WeakMap();

function countdown(body, ctx) {
    const exam = latest.get(body);
    if (!exam) {
        return;
    }
    const now = ctx.now().getTime();
    const start = Date.parse(exam.startsAt);
    const end = Date.parse(exam.endsAt);
    let text;
    if (now < start) {
        text = ctx.fmt.relative(exam.startsAt);
    } else if (now < end) {
        text = ctx.t({de: 'läuft gerade', en: 'in progress'});
    } else {
        text = ctx.t({de: 'vorbei', en: 'over'});
    }
    body.querySelector('.exam-countdown').textContent = text;
    body.dataset.phase = now < start ? 'before' : now < end ? 'during' : 'after';
    body.classList.toggle('exam-soon', now < start && start - now < 3 * 86400000);
}

export default {
    mount(body, ctx) {
        body.append(
            ctx.el('div', {class: 'exam-name'}),
            ctx.el('div', {class: 'exam-countdown'}),
            ctx.el('div', {class: 'exam-when'}));
        ctx.every(60000, () => countdown(body, ctx));
    },

    update(body, exam, ctx) {
        latest.set(body, exam);
        body.querySelector('.exam-name').textContent = exam.exam;
        const when = ctx.fmt.weekday(exam.startsAt) + ', ' + ctx.fmt.dateTime(exam.startsAt);
        body.querySelector('.exam-when').textContent = exam.location ? when + ' · ' + exam.location : when;
        countdown(body, ctx);
    },
};
