package org.campusmirror.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small Debian 12 system tree that install.sh installs into with {@code --root}: os-release, the account files
 * (real useradd, groupadd and chown work on them), a desktop user {@code pi} (uid 1000) logged in by lightdm, and
 * systemd's own units (so systemd-analyze can verify against the tree). Stand-ins for apt-get, apt-cache, chroot,
 * dpkg and systemctl (test/installer/standins) come first on PATH and record every call.
 */
final class Tree {
    static final String DEBIAN_12 = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
    static final String RASPBIAN_12 = "PRETTY_NAME=\"Raspbian GNU/Linux 12 (bookworm)\"\nNAME=\"Raspbian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=raspbian\nID_LIKE=debian\n";

    private final Path root;
    private final Path standins;
    private final Path log;
    private String architecture = "arm64";
    private String candidates = "chromium";

    private Tree(Path folder) {
        this.root = folder.resolve("root");
        this.standins = folder.resolve("bin");
        this.log = folder.resolve("standins.log");
    }

    static Tree debian12() throws IOException, InterruptedException {
        Tree tree = new Tree(Release.workFolder("tree"));
        tree.write("/etc/os-release", DEBIAN_12);
        tree.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\npi:x:1000:1000:,,,:/home/pi:/bin/bash\n");
        tree.write("/etc/group", "root:x:0:\nusers:x:100:\npi:x:1000:\n");
        tree.write("/etc/shadow", "root:*:19000:0:99999:7:::\npi:*:19000:0:99999:7:::\n");
        tree.write("/etc/gshadow", "root:*::\nusers:*::\npi:!::\n");
        Files.setPosixFilePermissions(tree.path("/etc/shadow"), Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));
        tree.write("/etc/lightdm/lightdm.conf", "[Seat:*]\nautologin-user=pi\n");
        tree.write("/usr/sbin/nologin", "#!/bin/sh\nexit 1\n");
        Files.createDirectories(tree.path("/home/pi"));
        Shell.run(List.of("chown", "1000:1000", tree.path("/home/pi").toString())).requireSuccess();
        Files.createDirectories(tree.path("/usr/lib/systemd"));
        Shell.run(List.of("cp", "-a", "/usr/lib/systemd/system", tree.path("/usr/lib/systemd/").toString()))
                .requireSuccess();
        Files.createDirectories(tree.standins);
        Shell.run(List.of("cp", "-a", Release.repositoryRoot().resolve("test/installer/standins").toString() + "/.",
                tree.standins.toString())).requireSuccess();
        return tree;
    }

    /** The architecture dpkg reports (default arm64). */
    Tree architecture(String dpkgArchitecture) {
        this.architecture = dpkgArchitecture;
        return this;
    }

    /** The packages apt-cache knows a candidate for, separated by blanks (default: chromium, as on Debian). */
    Tree candidates(String packages) {
        this.candidates = packages;
        return this;
    }

    /** Runs {@code install.sh --root TREE ARGS} from the given release as root, with the stand-ins first on PATH. */
    Shell.Result install(Release release, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", release.installer().toString(), "--root",
                root.toString()));
        command.addAll(List.of(arguments));
        return Shell.run(command, Map.of(
                "PATH", standins + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "STANDIN_LOG", log.toString(),
                "STANDIN_TREE", root.toString(),
                "STANDIN_ARCH", architecture,
                "STANDIN_CANDIDATES", candidates), Duration.ofSeconds(120));
    }

    Path root() {
        return root;
    }

    /** A path of the tree, given as the installed system sees it ("/etc/passwd"). */
    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    boolean exists(String absolute) {
        return Files.exists(path(absolute), LinkOption.NOFOLLOW_LINKS);
    }

    String read(String absolute) throws IOException {
        return Files.readString(path(absolute), StandardCharsets.UTF_8);
    }

    void write(String absolute, String content) throws IOException {
        Files.createDirectories(path(absolute).getParent());
        Files.writeString(path(absolute), content, StandardCharsets.UTF_8);
    }

    /** The permission bits in octal, e.g. "750". */
    String mode(String absolute) throws IOException {
        int mode = (Integer) Files.getAttribute(path(absolute), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return Integer.toOctalString(mode & 07777);
    }

    /** "uid:gid" of a path. */
    String owner(String absolute) throws IOException {
        return Files.getAttribute(path(absolute), "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(path(absolute), "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    /** The fields of a user's line in the tree's /etc/passwd, or an empty list. */
    List<String> passwd(String user) throws IOException {
        return entry("/etc/passwd", user);
    }

    /** The fields of a group's line in the tree's /etc/group, or an empty list. */
    List<String> group(String name) throws IOException {
        return entry("/etc/group", name);
    }

    /** "uid:gid" of a user of the tree. */
    String ids(String user) throws IOException {
        List<String> fields = passwd(user);
        return fields.get(2) + ":" + fields.get(3);
    }

    private List<String> entry(String file, String name) throws IOException {
        try (Stream<String> lines = Files.lines(path(file))) {
            return lines.map(line -> List.of(line.split(":", -1))).filter(fields -> fields.get(0).equals(name))
                    .findFirst().orElse(List.of());
        }
    }

    /** The calls the stand-ins recorded, one per line. */
    List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void forgetCalls() throws IOException {
        Files.deleteIfExists(log);
    }

    /** Every path of the tree with its type, mode, owner and content digest (or link target). */
    SortedMap<String, String> snapshot() throws IOException {
        SortedMap<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String absolute = "/" + root.relativize(path);
                String what;
                if (Files.isSymbolicLink(path)) {
                    what = "link " + Files.readSymbolicLink(path);
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    what = "dir";
                } else {
                    what = "file " + digest(path);
                }
                state.put(absolute, what + " " + mode(absolute) + " " + owner(absolute));
            }
        }
        return state;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
