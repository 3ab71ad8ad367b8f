package org.campusmirror.mirror.runtime.internal.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting configured commands into arguments, and refusing what was written for a shell. */
class CommandLineTest {

    @Test
    void splitsAtWhitespaceAndKeepsQuotedPartsTogether() {
        assertEquals(List.of("xset", "dpms", "force", "off"), CommandLine.split("  xset dpms\tforce  off "));
        assertEquals(List.of("/opt/power tools/switch", "--label", "Main hall", "it's"),
                CommandLine.split("'/opt/power tools/switch' --label \"Main hall\" it\\'s"));
        assertEquals(List.of("say", "a \"quoted\" \\ word", ""), CommandLine.split("say \"a \\\"quoted\\\" \\\\ word\" ''"));
        assertEquals(List.of("abc"), CommandLine.split("a'b'\"c\""), "adjacent parts make one argument");
    }

    @Test
    void expandsNothing() {
        assertEquals(List.of("echo", "$HOME", "*", "~", "a?b"), CommandLine.split("echo $HOME * ~ a?b"));
        assertEquals(List.of("echo", "$(id)", "a|b", "x;y"), CommandLine.split("echo '$(id)' \"a|b\" x\\;y"),
                "quoted shell syntax is an ordinary argument");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xset dpms force off; reboot", "wlopm --off HDMI-A-1 | tee /tmp/x", "cmd && other",
        "cmd > /tmp/out", "cmd < /etc/passwd", "echo `id`", "echo $(id)", "echo ${HOME}", "cmd &"})
    void refusesShellSyntax(String command) {
        String message = assertThrows(IllegalArgumentException.class, () -> CommandLine.split(command)).getMessage();
        assertTrue(message.contains("commands run without a shell"), message);
    }

    @Test
    void refusesWhatCannotBeAnArgumentList() {
        assertEquals("the command is empty", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.split("   ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.split("say 'unfinished"))
                .getMessage().contains("unterminated ' quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.split("say \"unfinished"))
                .getMessage().contains("unterminated \" quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.split("say \\"))
                .getMessage().contains("lone backslash"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.split("DISPLAY=:0 xset dpms"))
                .getMessage().contains("starts with a variable assignment (DISPLAY=:0)"));
    }
}
