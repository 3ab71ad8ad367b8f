package org.campusmirror.mirror.widgets.news;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widgets.common.TileSettings;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** News headlines from RSS and Atom feeds, rotating on the page. One instance per configuration. */
@Component(service = Widget.class, configurationPid = NewsWidget.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NewsWidget.Config.class, factory = true)
@WidgetKind(NewsWidget.KIND)
public final class NewsWidget implements Widget {
    public static final String KIND = "news";
    public static final String PID = "org.campusmirror.mirror.widgets.news";

    @ObjectClassDefinition(name = "Campus Mirror: news", description = "Rotating headlines from RSS and Atom feeds")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. bottom_bar, lower_third, top_right")
        String widget_region() default "bottom_bar";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the feeds are fetched")
        long widget_refresh_seconds() default 900;

        @AttributeDefinition(name = "Feeds", description = "RSS or Atom URLs (http or https)")
        String[] news_feeds();

        @AttributeDefinition(name = "Items per feed", description = "The first items of each feed (1-100)")
        int news_max_items() default 20;

        @AttributeDefinition(name = "Seconds per headline", description = "How long each headline shows (3-300)")
        int news_rotate_seconds() default 10;

        @AttributeDefinition(name = "Show summaries", description = "The first lines of each item under its title")
        boolean news_show_summary() default true;

        @AttributeDefinition(name = "Feed size limit (bytes)", description = "Larger feeds are cut off and refused")
        long news_max_bytes() default 2L << 20;
    }

    private final News news;
    private final WidgetConfigurationException configurationError;

    @Activate
    public NewsWidget(Config config, @Reference HttpFetcher http) {
        News built = null;
        WidgetConfigurationException error = null;
        try {
            TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                    config.widget_refresh_seconds());
            built = new News(NewsSettings.of(config), http);
        } catch (WidgetConfigurationException e) {
            error = e;
        }
        this.news = built;
        this.configurationError = error;
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        if (configurationError != null) {
            throw configurationError;
        }
        return news.refresh(context);
    }
}
