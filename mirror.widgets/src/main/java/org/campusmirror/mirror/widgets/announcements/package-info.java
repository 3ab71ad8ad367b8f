/**
 * Announcements: short texts in German and English with a start, an end and a {@link Priority}, shown by the
 * announcements widget as a ticker, and raised as an alert on every display when urgent. An admin enters them in
 * the Web Console (factory configurations, PID {@code org.campusmirror.mirror.announcement}); any other bundle (a
 * fleet connector, say) publishes through the {@link AnnouncementBoard} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.widgets.announcements;
