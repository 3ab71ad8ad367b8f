package org.campusmirror.mirror.runtime.internal.layout;

import java.time.Duration;

/**
 * A page of the display.
 *
 * @param name    as widgets name it in {@code widget.page}
 * @param showFor how long it shows before rotation moves on; zero: until a button moves on
 */
public record Page(String name, Duration showFor) {
}
