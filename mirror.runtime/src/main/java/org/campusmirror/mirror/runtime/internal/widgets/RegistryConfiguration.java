package org.campusmirror.mirror.runtime.internal.widgets;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the runtime refreshes widgets and caches their data (PID {@value #PID}). */
@ObjectClassDefinition(id = RegistryConfiguration.PID, name = "Campus Mirror widget registry",
        description = "How widgets are refreshed, and the offline cache of their last good data")
public @interface RegistryConfiguration {
    String PID = "org.campusmirror.mirror.registry";

    @AttributeDefinition(name = "Refresh threads", description = "Refreshes running at the same time (1-16). A "
            + "refresh past its timeout stops counting, so a hung widget never blocks the others.", min = "1",
            max = "16")
    int refreshThreads() default 3;

    @AttributeDefinition(name = "Refresh timeout (s)", description = "After this long a refresh is given up on: "
            + "the widget is interrupted and its tile shows its last data as stale", min = "1", max = "600")
    int refreshTimeoutSeconds() default 20;

    @AttributeDefinition(name = "Readiness wait (s)", description = "At start, how long readiness waits for the "
            + "first refresh of every widget present", min = "0", max = "600")
    int readinessWaitSeconds() default 10;

    @AttributeDefinition(name = "Offline cache size (KiB)", description = "The cache of last good data under "
            + "mirror.home/cache stays below this; the least recently written entries go first", min = "64")
    int cacheKibibytes() default 8192;
}
