package org.campusmirror.mirror.widgets.news;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;

/** A news configuration, checked; every message names the setting. */
record NewsSettings(List<URI> feeds, int maxItems, int rotateSeconds, boolean showSummary, long maxBytes) {
    static final int MAX_FEEDS = 10;

    static NewsSettings of(NewsWidget.Config config) throws WidgetConfigurationException {
        List<URI> feeds = new ArrayList<>();
        for (String value : config.news_feeds() == null ? new String[0] : config.news_feeds()) {
            if (value == null || value.isBlank()) {
                continue;
            }
            feeds.add(url(value.strip()));
        }
        if (feeds.isEmpty()) {
            throw new WidgetConfigurationException("news.feeds: give at least one RSS or Atom URL (http or https)");
        }
        if (feeds.size() > MAX_FEEDS) {
            throw new WidgetConfigurationException("news.feeds: " + feeds.size() + " feeds; at most " + MAX_FEEDS);
        }
        int maxItems = config.news_max_items();
        if (maxItems < 1 || maxItems > 100) {
            throw new WidgetConfigurationException("news.max.items: " + maxItems + " is out of range; use 1 to 100");
        }
        int rotate = config.news_rotate_seconds();
        if (rotate < 3 || rotate > 300) {
            throw new WidgetConfigurationException("news.rotate.seconds: " + rotate + " is out of range; use 3 to 300");
        }
        long maxBytes = config.news_max_bytes();
        if (maxBytes < 1024 || maxBytes > 20L << 20) {
            throw new WidgetConfigurationException("news.max.bytes: " + maxBytes + " is out of range; use 1024 to "
                    + (20L << 20));
        }
        return new NewsSettings(List.copyOf(feeds), maxItems, rotate, config.news_show_summary(), maxBytes);
    }

    private static URI url(String text) throws WidgetConfigurationException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new WidgetConfigurationException("news.feeds: '" + text + "' is not an http or https URL");
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new WidgetConfigurationException("news.feeds: '" + text + "' has no host name");
            }
            if (uri.getUserInfo() != null) {
                throw new WidgetConfigurationException("news.feeds: '" + uri.getHost()
                        + "': put no user name or password into the URL (it would show in the console)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WidgetConfigurationException("news.feeds: '" + text + "' is not a valid URL: " + e.getReason());
        }
    }
}
