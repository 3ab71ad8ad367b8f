package org.campusmirror.mirror.runtime.internal.input;

/** A pin could not be opened: another input holds it, or the GPIO provider refused it. */
final class PinUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    PinUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
