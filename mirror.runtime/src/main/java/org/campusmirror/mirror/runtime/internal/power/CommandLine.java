package org.campusmirror.mirror.runtime.internal.power;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configured command into program and arguments, for {@link ProcessBuilder}: no shell ever sees it.
 * Whitespace separates arguments; {@code '...'} keeps everything literally; {@code "..."} keeps everything but
 * {@code \"} and {@code \\}; outside quotes a backslash keeps the next character. Nothing is expanded ({@code $HOME},
 * {@code *} and {@code ~} reach the program as written). Shell syntax outside quotes ({@code | ; & < >},
 * {@code `}, {@code $(}, {@code ${}) and a leading {@code NAME=value} are refused: they would only reach the program
 * as odd arguments, so a command that has them was written for a shell and would not do what its author meant.
 */
final class CommandLine {
    private static final String SHELL_OPERATORS = "|;&<>`";

    private CommandLine() {
    }

    /**
     * @throws IllegalArgumentException for an empty command, an unterminated quote, or shell syntax
     */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        String text = command == null ? "" : command;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + text + "' has an unterminated ' quote");
                }
                word.append(text, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("'" + text + "' ends with a lone backslash");
                }
                word.append(text.charAt(++i));
                inWord = true;
            } else {
                refuseShellSyntax(text, i);
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        if (words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            throw new IllegalArgumentException("'" + text + "' starts with a variable assignment (" + words.get(0)
                    + "), which needs a shell; commands run without one, with the preset's environment");
        }
        return List.copyOf(words);
    }

    /** Appends a {@code "..."} part starting after its opening quote; returns the index of its closing quote. */
    private static int doubleQuoted(String text, int from, StringBuilder word) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                c = text.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("'" + text + "' has an unterminated \" quote");
    }

    private static void refuseShellSyntax(String text, int i) {
        char c = text.charAt(i);
        boolean substitution = c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{');
        if (SHELL_OPERATORS.indexOf(c) >= 0 || substitution) {
            throw new IllegalArgumentException("'" + text + "' uses shell syntax (" + (substitution ? "$" + text.charAt(i + 1) : c)
                    + "), but commands run without a shell; put the pipeline in a script and name the script, or "
                    + "quote the character if the program should get it as it is");
        }
    }
}
