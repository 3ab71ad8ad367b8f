package org.campusmirror.mirror.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@value #NAME}: the title shown on the tile (empty: none). A configuration property of the same
 * name overrides it, so an admin can retitle each instance.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WidgetTitle {
    String NAME = "widget.title";

    String value();
}
