package org.campusmirror.ws.autobahn;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Deterministic stand-ins for the files the suite compresses in 12.x and 13.x (which we do not
 * have), of the same sizes and character. Text kinds are ASCII, so that any slice of them is valid
 * UTF-8, as the suite's JSON and HTML files must be.
 */
enum TestData {
    JSON("Large JSON data file", 194056, false),
    BITMAP("Lena Picture, Bitmap 512x512 bw", 263222, true),
    GERMAN_TEXT("Human readable text, Goethe's Faust I (German)", 222218, true),
    HTML("Large HTML file", 263647, false),
    PDF("A larger PDF", 1042328, true);

    private final String title;
    private final int size;
    private final boolean binary;
    private byte[] bytes;

    TestData(String title, int size, boolean binary) {
        this.title = title;
        this.size = size;
        this.binary = binary;
    }

    String title() {
        return title;
    }

    boolean binary() {
        return binary;
    }

    synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = generate();
        }
        return bytes;
    }

    private byte[] generate() {
        Random random = new Random(ordinal() * 7919L + size);
        byte[] data = switch (this) {
            case JSON -> json(random);
            case BITMAP -> bitmap(random);
            case GERMAN_TEXT -> german(random);
            case HTML -> html(random);
            case PDF -> pdf(random);
        };
        if (data.length != size) {
            throw new IllegalStateException(this + " generated " + data.length + " bytes, not " + size);
        }
        return data;
    }

    private static final String[] WORDS = {"mirror", "campus", "lecture", "canteen", "weather", "departure",
        "student", "library", "seminar", "building", "room", "monday", "tuesday", "physics", "chemistry",
        "mathematics", "informatics", "exam", "deadline", "tram", "bus", "platform", "delay"};

    private byte[] json(Random random) {
        StringBuilder text = new StringBuilder("[\n");
        for (int id = 1; text.length() < size; id++) {
            text.append("  {\"id\": ").append(id).append(", \"name\": \"").append(word(random)).append(' ')
                    .append(word(random)).append("\", \"tags\": [\"").append(word(random)).append("\", \"")
                    .append(word(random)).append("\"], \"value\": ").append(random.nextInt(100000) / 100.0)
                    .append(", \"active\": ").append(random.nextBoolean()).append(", \"room\": \"")
                    .append((char) ('A' + random.nextInt(6))).append(random.nextInt(400)).append("\"},\n");
        }
        return fit(text, "\n]\n");
    }

    private byte[] html(Random random) {
        StringBuilder text = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Campus</title></head><body>\n");
        while (text.length() < size) {
            text.append("<div class=\"tile ").append(word(random)).append("\"><h2>").append(word(random))
                    .append("</h2><p>").append(word(random)).append(' ').append(word(random)).append(' ')
                    .append(word(random)).append(" <a href=\"/").append(word(random)).append('/')
                    .append(random.nextInt(1000)).append("\">more</a></p></div>\n");
        }
        return fit(text, "</body></html>\n");
    }

    private static final String[] GERMAN = {"Habe", "nun", "ach", "Philosophie", "Juristerei", "und", "Medizin",
        "leider", "auch", "Theologie", "durchaus", "studiert", "mit", "hei\u00dfem", "Bem\u00fchn", "Da", "steh",
        "ich", "armer", "Tor", "bin", "so", "klug", "als", "wie", "zuvor", "Gr\u00fc\u00dfe", "sch\u00f6n",
        "M\u00e4dchen", "Gretchen", "Mephistopheles", "Geist", "verneint", "\u00fcber", "Erde"};

    private byte[] german(Random random) {
        StringBuilder text = new StringBuilder("FAUST. Der Trag\u00f6die erster Teil.\r\n\r\n");
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < size + 64) {
            int words = 4 + random.nextInt(6);
            for (int i = 0; i < words; i++) {
                text.append(i == 0 ? "" : " ").append(GERMAN[random.nextInt(GERMAN.length)]);
            }
            text.append(random.nextInt(4) == 0 ? "!\r\n" : ",\r\n");
            if (random.nextInt(8) == 0) {
                text.append("\r\n").append(random.nextBoolean() ? "FAUST:" : "MEPHISTOPHELES:").append("\r\n");
            }
        }
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(all, size);
    }

    private byte[] bitmap(Random random) {
        byte[] data = new byte[size];
        int pixels = 512 * 512;
        int offset = size - pixels;
        data[0] = 'B';
        data[1] = 'M';
        putLe(data, 2, size);
        putLe(data, 10, offset);
        putLe(data, 14, 40);
        putLe(data, 18, 512);
        putLe(data, 22, 512);
        data[26] = 1;
        data[28] = 8;
        putLe(data, 34, pixels);
        putLe(data, 46, 256);
        for (int i = 0; i < 256; i++) {
            int at = 54 + 4 * i;
            data[at] = (byte) i;
            data[at + 1] = (byte) i;
            data[at + 2] = (byte) i;
        }
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                double shade = 128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 53.0) + 40 * Math.sin((x + y) / 91.0);
                int grey = (int) shade + (random.nextInt(9) - 4);
                data[offset + y * 512 + x] = (byte) Math.max(0, Math.min(255, grey & ~3));
            }
        }
        return data;
    }

    private byte[] pdf(Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 4096);
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (int object = 1; out.size() < size; object++) {
            if (object % 3 == 0) {
                byte[] stream = new byte[2048 + random.nextInt(4096)];
                random.nextBytes(stream);
                write(out, object + " 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n");
                out.write(stream, 0, stream.length);
                write(out, "\nendstream\nendobj\n");
            } else {
                StringBuilder text = new StringBuilder(object + " 0 obj\n<< /Type /Page /Contents [");
                for (int i = 0; i < 40; i++) {
                    text.append("BT /F1 12 Tf 72 ").append(700 - i * 14).append(" Td (").append(word(random))
                            .append(' ').append(word(random)).append(") Tj ET ");
                }
                write(out, text.append("] >>\nendobj\n").toString());
            }
        }
        return java.util.Arrays.copyOf(out.toByteArray(), size);
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }

    private static void putLe(byte[] data, int at, int value) {
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private byte[] fit(StringBuilder text, String end) {
        text.setLength(size - end.length());
        text.append(end);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
