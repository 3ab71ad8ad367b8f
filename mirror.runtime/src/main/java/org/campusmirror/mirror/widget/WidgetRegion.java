package org.campusmirror.mirror.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@value #NAME}: the region the tile shows in, as {@link Region#id()} or enum name. The
 * annotation gives the widget's default; a configuration property of the same name overrides it. A value
 * {@link Region#parse} refuses gives the tile an error, shown in {@code middle_center}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WidgetRegion {
    String NAME = "widget.region";

    Region value();
}
