package org.campusmirror.mirror.widgets.departures;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where departures come from. No public service can be relied on (DATA.md), so the widget reads any of several:
 * {@link HafasRestProvider} (the hafas-rest-api / FPTF shape, e.g. a university's own db-rest) and
 * {@link MotisProvider} (MOTIS 2, the engine of Transitous).
 */
interface DepartureProvider {

    /**
     * The next departures at {@code stop} from about {@code from}, as the service lists them (unfiltered).
     *
     * @param count how many the widget would like at least, before its own filters
     */
    Board departures(String stop, Instant from, int count) throws IOException;

    /**
     * @param stopName   the stop's name as the service calls it, or null
     * @param departures in the service's order
     */
    record Board(String stopName, List<Departure> departures) {
    }
}
