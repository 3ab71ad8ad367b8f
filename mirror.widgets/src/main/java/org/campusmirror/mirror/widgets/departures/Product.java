package org.campusmirror.mirror.widgets.departures;

import java.util.Locale;

/**
 * The kinds of transport a stop board tells apart, mapped from the FPTF products of hafas-rest-api and from MOTIS
 * modes. The setting {@code departures.products} takes these ids.
 */
public enum Product {
    EXPRESS, REGIONAL, SUBURBAN, SUBWAY, TRAM, BUS, FERRY, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A setting value: our ids, FPTF product names or MOTIS modes; null when unknown. */
    static Product parseSetting(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (Product product : values()) {
            if (product.id().equals(key)) {
                return product;
            }
        }
        Product fptf = fromFptf(key, "");
        if (fptf != OTHER) {
            return fptf;
        }
        Product motis = fromMotis(key);
        return motis != OTHER || key.equals("other") ? motis : null;
    }

    /** An FPTF {@code line.product} (db-rest, vbb-rest ...), falling back on {@code line.mode}. */
    static Product fromFptf(String product, String mode) {
        switch (product == null ? "" : product.toLowerCase(Locale.ROOT)) {
            case "nationalexpress", "national", "express", "longdistance", "ice", "ic":
                return EXPRESS;
            case "regionalexpress", "regional", "regionalexp":
                return REGIONAL;
            case "suburban", "sbahn", "s-bahn":
                return SUBURBAN;
            case "subway", "ubahn", "u-bahn", "metro":
                return SUBWAY;
            case "tram", "streetcar":
                return TRAM;
            case "bus":
                return BUS;
            case "ferry":
                return FERRY;
            default:
                break;
        }
        switch (mode == null ? "" : mode.toLowerCase(Locale.ROOT)) {
            case "bus":
                return BUS;
            case "watercraft":
                return FERRY;
            case "train":
                return REGIONAL;
            default:
                return OTHER;
        }
    }

    /** A MOTIS {@code Mode} (API v5 names, and the deprecated METRO of older ones). */
    static Product fromMotis(String mode) {
        switch (mode == null ? "" : mode.toUpperCase(Locale.ROOT)) {
            case "HIGHSPEED_RAIL", "LONG_DISTANCE", "NIGHT_RAIL":
                return EXPRESS;
            case "REGIONAL_FAST_RAIL", "REGIONAL_RAIL", "RAIL":
                return REGIONAL;
            case "SUBURBAN", "METRO":
                return SUBURBAN;
            case "SUBWAY":
                return SUBWAY;
            case "TRAM", "CABLE_CAR":
                return TRAM;
            case "BUS", "COACH":
                return BUS;
            case "FERRY":
                return FERRY;
            default:
                return OTHER;
        }
    }
}
