package org.campusmirror.mirror.widgets.announcements.internal;

import java.time.Instant;
import java.util.List;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.common.TileSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The ticker of active announcements, from the board. It refreshes often (every 30 s) since it costs nothing. */
@Component(service = Widget.class, configurationPid = AnnouncementsWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AnnouncementsWidget.Config.class, factory = true)
@WidgetKind(AnnouncementsWidget.KIND)
public final class AnnouncementsWidget implements Widget {
    public static final String KIND = "announcements";
    public static final String PID = "org.campusmirror.mirror.widgets.announcements";

    @ObjectClassDefinition(name = "Campus Mirror: announcements ticker",
            description = "Shows the active announcements (entered as 'Campus Mirror: announcement')")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. bottom_bar, top_bar")
        String widget_region() default "top_bar";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How soon a start or end shows")
        long widget_refresh_seconds() default 30;

        @AttributeDefinition(name = "Seconds per announcement", description = "How long each shows (3-300)")
        int announcements_rotate_seconds() default 8;
    }

    /**
     * @param items         active announcements, urgent first
     * @param rotateSeconds how long the page shows each
     * @param notes         announcement configurations that could not be read
     */
    public record AnnouncementsView(List<Item> items, int rotateSeconds, List<String> notes) {
        public AnnouncementsView {
            items = List.copyOf(items);
            notes = List.copyOf(notes);
        }
    }

    /** One announcement as the ticker shows it; {@code priority} is {@code normal}, {@code important} or {@code urgent}. */
    public record Item(String id, String textDe, String textEn, String priority, Instant start, Instant end) {
        static Item of(Announcement a) {
            return new Item(a.id(), a.textDe(), a.textEn(), a.priority().name().toLowerCase(java.util.Locale.ROOT),
                    a.start(), a.end());
        }
    }

    private final Config config;
    private final BoardService board;

    @Activate
    public AnnouncementsWidget(Config config, @Reference BoardService board) {
        this.config = config;
        this.board = board;
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        int rotate = config.announcements_rotate_seconds();
        if (rotate < 3 || rotate > 300) {
            throw new WidgetConfigurationException("announcements.rotate.seconds: " + rotate
                    + " is out of range; use 3 to 300");
        }
        Instant now = context.clock().instant();
        List<Item> items = board.active(now).stream().map(Item::of).toList();
        return ViewModel.of(new AnnouncementsView(items, rotate, board.problems()), now);
    }
}
