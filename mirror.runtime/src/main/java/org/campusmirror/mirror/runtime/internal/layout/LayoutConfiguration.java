package org.campusmirror.mirror.runtime.internal.layout;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The display's layout as the Web Console edits it (PID {@value #PID}). */
@ObjectClassDefinition(id = LayoutConfiguration.PID, name = "Campus Mirror layout",
        description = "The pages of the display, their rotation, and the display's language and time zone. Widgets "
                + "choose their region and pages in their own configuration (widget.region, widget.page).")
public @interface LayoutConfiguration {
    String PID = "org.campusmirror.mirror.layout";

    @AttributeDefinition(name = "Pages", description = "One entry per page, in order: name=seconds, how long the "
            + "page shows before the next one (0: until a button moves on), e.g. main=30; several in one entry are "
            + "comma-separated. Names are letters, digits, - and _.")
    String[] pages() default {"main=30"};

    @AttributeDefinition(name = "Rotate pages", description = "Move on to the next page when a page's time is up")
    boolean rotate() default true;

    @AttributeDefinition(name = "Locale", description = "The display's language and formats as a BCP 47 tag: "
            + "German (de-DE, de-AT, de-CH) or English (en-GB, en-US)")
    String locale() default Layout.DEFAULT_LOCALE;

    @AttributeDefinition(name = "Time zone", description = "The display's IANA time zone, e.g. Europe/Berlin")
    String timeZone() default Layout.DEFAULT_ZONE;
}
