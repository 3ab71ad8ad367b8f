package org.campusmirror.mirror.widgets.departures;

import java.util.List;

/**
 * What the departures tile shows.
 *
 * @param stop           the stop's name (configured, else the service's, else its id)
 * @param walkingMinutes departures sooner than this are left out: nobody reaches them
 * @param departures     the next ones after the filters, soonest first
 */
public record DeparturesView(String stop, int walkingMinutes, List<Departure> departures) {
}
