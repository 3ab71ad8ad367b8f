package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.campusmirror.mirror.runtime.files.AtomicFiles;

/**
 * The mirror's id in the fleet: generated at the first start ({@code m-} and 16 hex digits) and kept in
 * {@code DIR/fleet/mirror.id}, so it survives restarts and upgrades. An admin may write the file beforehand (one
 * topic level: letters, digits, '.', '_', '-') to give a mirror a chosen id, e.g. to match its broker user.
 */
public final class MirrorIdentity {
    public static final String FILE = "mirror.id";

    private MirrorIdentity() {
    }

    public static String loadOrCreate(Path fleetFolder) throws IOException {
        Path file = fleetFolder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!Topics.validName(id)) {
                throw new IOException(file + " holds '" + id + "', not a mirror id (one topic level of letters, "
                        + "digits, '.', '_' or '-')");
            }
            return id;
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String id = "m-" + HexFormat.of().formatHex(random);
        AtomicFiles.replace(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
