package org.campusmirror.mirror.runtime.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi Log Service entries to SLF4J, so that what the framework, SCR, File Install and the console
 * report there (a bundle that fails to resolve or start, a component that fails to activate) reaches stdout
 * and the log file like everything else. Bundle and service events at INFO and DEBUG are left out: they repeat
 * what the console shows, dozens of lines per start.
 */
// No service: it listens through the LogReaderService and offers nothing itself.
@Component(immediate = true, service = {})
public final class LogForwarder implements LogListener {
    private final LogReaderService reader;

    @Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (!forwarded(entry.getLogLevel(), entry.getLoggerName())) {
            return;
        }
        Bundle bundle = entry.getBundle();
        Logger logger = LoggerFactory.getLogger(bundle == null ? "osgi" : "osgi." + bundle.getSymbolicName());
        String message = entry.getMessage();
        Throwable exception = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, exception);
            case WARN -> logger.warn(message, exception);
            case INFO -> logger.info(message, exception);
            default -> logger.debug(message, exception);
        }
    }

    static boolean forwarded(LogLevel level, String loggerName) {
        boolean event = loggerName != null && loggerName.startsWith("Events.");
        // WARN implies the more severe levels (ERROR, AUDIT) too.
        return LogLevel.WARN.implies(level) || (level == LogLevel.INFO && !event);
    }
}
