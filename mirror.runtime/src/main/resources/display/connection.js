// How the page hears from the mirror. A display opens one WebSocket: connect, hand every message on, and when the
// socket drops try again with growing pauses (1 s, 2 s, 4 s ... 30 s, with jitter so a room of mirrors does not
// reconnect in step). The display never sends: the server closes a display that does. A page served over HTTPS
// (the console's preview, for an admin who is not on the mirror) cannot open the plain ws:// port, so it polls the
// snapshot instead.

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;

/** Growing pauses between tries, with jitter; back to the first after a good stretch. */
class Backoff {
    constructor() {
        this.pause = FIRST_PAUSE_MS;
    }

    next() {
        const wait = Math.round(this.pause * (0.8 + Math.random() * 0.4));
        this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
        return wait;
    }

    reset() {
        this.pause = FIRST_PAUSE_MS;
    }
}

export class DisplayConnection {
    /**
     * @param url       ws:// or wss:// URL of /mirror
     * @param onMessage called with each parsed message
     * @param onState   called with 'connecting', 'open' or 'closed' and, when closed, the pause until the next try
     */
    constructor(url, onMessage, onState) {
        this.url = url;
        this.onMessage = onMessage;
        this.onState = onState;
        this.backoff = new Backoff();
        this.socket = null;
        this.retry = null;
    }

    start() {
        this.onState('connecting');
        let socket;
        try {
            socket = new WebSocket(this.url);
        } catch (error) {
            console.error('Campus Mirror: cannot open', this.url, error);
            this.scheduleRetry();
            return;
        }
        this.socket = socket;
        socket.addEventListener('open', () => this.onState('open'));
        socket.addEventListener('message', (event) => this.receive(event));
        socket.addEventListener('close', () => {
            if (this.socket === socket) {
                this.socket = null;
                this.scheduleRetry();
            }
        });
    }

    /** The stream was good (a snapshot arrived): the next drop starts again with a short pause. */
    healthy() {
        this.backoff.reset();
    }

    /** Drops the connection and connects again at once, e.g. to get a new snapshot after a missed change. */
    restart() {
        const socket = this.socket;
        this.socket = null;
        if (socket) {
            socket.close();
        }
        clearTimeout(this.retry);
        this.start();
    }

    receive(event) {
        let message;
        try {
            message = JSON.parse(event.data);
        } catch (error) {
            console.error('Campus Mirror: unreadable message', error);
            return;
        }
        this.onMessage(message);
    }

    scheduleRetry() {
        const wait = this.backoff.next();
        this.onState('closed', wait);
        clearTimeout(this.retry);
        this.retry = setTimeout(() => this.start(), wait);
    }
}

const POLL_MS = 2000;

/** The same interface as DisplayConnection, for pages served over HTTPS: a snapshot every two seconds. */
export class SnapshotPolling {
    /**
     * @param url       the snapshot's URL on this origin
     * @param onMessage called with each snapshot
     * @param onState   as for DisplayConnection
     */
    constructor(url, onMessage, onState) {
        this.url = url;
        this.onMessage = onMessage;
        this.onState = onState;
        this.backoff = new Backoff();
        this.timer = null;
        this.open = false;
    }

    start() {
        this.onState('connecting');
        this.poll();
    }

    healthy() {
        this.backoff.reset();
    }

    restart() {
        clearTimeout(this.timer);
        this.poll();
    }

    async poll() {
        let next = POLL_MS;
        try {
            const response = await fetch(this.url, {cache: 'no-store', credentials: 'same-origin'});
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            const message = await response.json();
            if (!this.open) {
                this.open = true;
                this.onState('open');
            }
            this.onMessage(message);
        } catch (error) {
            next = this.backoff.next();
            this.open = false;
            this.onState('closed', next);
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.poll(), next);
    }
}
