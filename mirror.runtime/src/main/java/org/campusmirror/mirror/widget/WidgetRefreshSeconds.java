package org.campusmirror.mirror.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@value #NAME}: seconds between refreshes (the runtime bounds it below, see its README). A
 * configuration property of the same name overrides it. A clock refreshes rarely: the page ticks it.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WidgetRefreshSeconds {
    String NAME = "widget.refresh.seconds";

    long value();
}
