package org.campusmirror.mirror.runtime.internal.display;

/**
 * The names of the display protocol on {@value #PATH}, the one place the Java side spells them; the page's
 * {@code display/protocol.js} is the one place the JS side does (a test checks that the two agree).
 *
 * <p>Every message is a JSON object with {@value #VERSION_FIELD} ({@value #VERSION}), {@value #TYPE} and
 * {@value #SEQ}. A display first gets a {@value #SNAPSHOT}, then changes with higher sequence numbers; a change
 * whose number is not one above the last tells the display it missed something, and it reconnects for a new
 * snapshot. Displays only listen: anything they send closes the connection with 1008.
 */
public final class DisplayProtocol {
    public static final String PATH = "/mirror";
    /** On the HTTP port: the snapshot, which a page served over HTTPS polls instead of opening the socket. */
    public static final String SNAPSHOT_URL = "/display/snapshot.json";
    /** Raised when a message changes incompatibly; a page that sees another version reloads itself. */
    public static final int VERSION = 1;

    // message fields
    public static final String VERSION_FIELD = "v";
    public static final String TYPE = "type";
    public static final String SEQ = "seq";

    // message types
    public static final String SNAPSHOT = "snapshot";
    public static final String TILE = "tile";
    public static final String TILE_REMOVED = "tile-removed";
    public static final String PAGE = "page";
    public static final String SLEEP = "sleep";
    public static final String ALERTS = "alerts";
    public static final String LAYOUT = "layout";

    // snapshot and layout fields
    public static final String RUNTIME = "runtime";
    public static final String SERVER_TIME = "serverTime";
    public static final String LOCALE = "locale";
    public static final String ZONE = "zone";
    public static final String PAGES = "pages";
    public static final String ROTATE = "rotate";
    public static final String ASLEEP = "asleep";
    public static final String TILES = "tiles";
    public static final String PAGE_NAME = "name";
    public static final String PAGE_SECONDS = "seconds";

    // tile fields (a TILE message carries one tile in TILE, a TILE_REMOVED message its ID)
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String TITLE = "title";
    public static final String REGION = "region";
    public static final String STATE = "state";
    public static final String ERROR = "error";
    public static final String AS_OF = "asOf";
    public static final String DATA = "data";
    public static final String RENDERER = "renderer";

    // alert fields
    public static final String TEXT = "text";
    public static final String TEXT_DE = "textDe";
    public static final String TEXT_EN = "textEn";
    public static final String LEVEL = "level";
    public static final String UNTIL = "until";

    /** The close code for a display that sends anything. */
    public static final int LISTEN_ONLY_CLOSE = 1008;

    private DisplayProtocol() {
    }
}
