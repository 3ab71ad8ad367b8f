package org.campusmirror.launcher;

/**
 * Start-up cannot go on. The message is one line for the operator: what is wrong and which setting fixes it.
 * {@link MirrorMain} prints it after "Campus Mirror cannot start: " and exits non-zero, without a stack trace.
 */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }
}
