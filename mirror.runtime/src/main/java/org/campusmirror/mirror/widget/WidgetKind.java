package org.campusmirror.mirror.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@value #NAME}: the widget kind, which names its renderer ({@code /widgets/<kind>/renderer.js}
 * and {@code .css}): lower-case letters, digits and dashes, e.g. {@code canteen}. Fixed by the widget's code.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WidgetKind {
    String NAME = "widget.kind";

    String value();
}
