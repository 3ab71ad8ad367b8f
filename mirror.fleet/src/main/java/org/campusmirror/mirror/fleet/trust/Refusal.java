package org.campusmirror.mirror.fleet.trust;

/** Why a fleet message was not applied; {@link #code()} is the stable word reported on the events topic. */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reasons, each with the word that goes into the event's {@code reason}. */
    public enum Reason {
        UNSIGNED("unsigned"),
        BAD_SIGNATURE("bad-signature"),
        NO_FLEET_KEY("no-fleet-key"),
        REPLAYED("replayed"),
        SHA256_MISMATCH("sha256-mismatch"),
        NOT_HTTPS("not-https"),
        INVALID("invalid"),
        DOWNLOAD_FAILED("download-failed"),
        INSTALL_FAILED("install-failed"),
        CONFIG_FAILED("config-failed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public Refusal(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Refusal(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }
}
