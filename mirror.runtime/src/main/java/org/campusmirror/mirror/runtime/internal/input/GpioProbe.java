package org.campusmirror.mirror.runtime.internal.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides, before Pi4J is touched, whether this machine can have GPIO through the gpiod provider: Pi4J's gpiod
 * library carries native code for ARM only, and the kernel must offer a GPIO character device the mirror's user may
 * open. A laptop, this build machine or a chroot gets a reason instead, which the mirror logs once.
 */
final class GpioProbe {
    private static final Set<String> GPIOD_ARCHITECTURES = Set.of("aarch64", "arm64", "arm", "armhf");

    private GpioProbe() {
    }

    /** Why the gpiod provider cannot work here, or empty when it is worth trying. */
    static Optional<String> whyNoGpiod(String osArch, Path devDir) {
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (!GPIOD_ARCHITECTURES.contains(arch)) {
            return Optional.of("os.arch is " + osArch + "; Pi4J's gpiod library exists for aarch64 and armhf only");
        }
        List<Path> chips = chips(devDir);
        if (chips.isEmpty()) {
            return Optional.of("no " + devDir.resolve("gpiochip*") + " device");
        }
        if (chips.stream().noneMatch(chip -> Files.isReadable(chip) && Files.isWritable(chip))) {
            return Optional.of(chips.get(0) + " is not readable and writable by user " + System.getProperty("user.name")
                    + " (add the user to group gpio)");
        }
        return Optional.empty();
    }

    private static List<Path> chips(Path devDir) {
        try (Stream<Path> entries = Files.list(devDir)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("gpiochip")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
