package org.campusmirror.mirror.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@value #NAME}: the names of the pages the tile shows on. Empty, or {@value #EVERY_PAGE}, keeps
 * the widget on every page while pages rotate (a clock, say). A configuration property of the same name overrides
 * it. Pages themselves (names, order, how long each shows) are the runtime's layout configuration.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WidgetPage {
    String NAME = "widget.page";
    String EVERY_PAGE = "*";

    String[] value();
}
