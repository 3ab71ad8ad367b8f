/**
 * The widget API: what a widget bundle implements ({@link Widget}), what a refresh returns ({@link ViewModel}),
 * and the typed service properties that place a widget on the display ({@link WidgetKind}, {@link WidgetTitle},
 * {@link WidgetRegion}, {@link WidgetPage}, {@link WidgetRefreshSeconds}). How a widget bundle brings its
 * renderer (one JS module and one CSS file) is described in mirror.runtime's RENDERERS.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.widget;
