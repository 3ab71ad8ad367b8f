package org.campusmirror.mirror.runtime.internal.json;

/** A view model holds something that is not plain data; the message names the type and where it is. */
public final class UnsupportedDataException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedDataException(String message) {
        super(message);
    }
}
