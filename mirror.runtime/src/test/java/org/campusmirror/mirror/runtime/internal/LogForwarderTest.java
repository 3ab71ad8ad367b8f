package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogForwarderTest {
    @Test
    void warningsAndErrorsAreAlwaysForwarded() {
        assertTrue(LogForwarder.forwarded(LogLevel.ERROR, "Events.Framework"));
        assertTrue(LogForwarder.forwarded(LogLevel.WARN, "Events.Bundle"));
        assertTrue(LogForwarder.forwarded(LogLevel.AUDIT, "org.apache.felix.scr"));
    }

    @Test
    void infoIsForwardedExceptRoutineEvents() {
        assertTrue(LogForwarder.forwarded(LogLevel.INFO, "org.apache.felix.fileinstall"));
        assertFalse(LogForwarder.forwarded(LogLevel.INFO, "Events.Bundle"));
        assertFalse(LogForwarder.forwarded(LogLevel.DEBUG, "Events.Service"));
        assertFalse(LogForwarder.forwarded(LogLevel.DEBUG, "org.apache.felix.scr"));
    }
}
