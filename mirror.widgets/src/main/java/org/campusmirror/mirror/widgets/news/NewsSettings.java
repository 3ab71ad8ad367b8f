package org.campusmirror.mirror.widgets.news;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;

/** A news configuration, checked; every message names the setting. */
record NewsSettings(List<URI> feeds, int maxItems, int rotateSeconds, boolean showSummary, long maxBytes) {
    static final int MAX_FEEDS = 10;

    static NewsSettings of(NewsWidget.Config config) throws WidgetConfigurationException {
        List<URI> feeds = new ArrayList<>();
        for (String value : config.news_feeds() == null ? new String[0] : config.news_feeds()) {
            if (value == null || value.isBlank()) {
                continue;
            }
            feeds.add(SettingChecks.url("news.feeds", value));
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
}
