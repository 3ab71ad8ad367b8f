package org.campusmirror.mirror.widgets.news;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns what a feed carries (HTML in descriptions, entities, sometimes markup in titles) into plain text for the
 * display. jsoup parses the HTML as a browser would; scripts, styles and embedded objects are dropped with their
 * content, tags are removed, entities decoded and white space collapsed. Nothing but text reaches the view model,
 * and the page shows it with {@code textContent} anyway.
 */
final class FeedText {

    private FeedText() {
    }

    /** Plain text of an HTML fragment (or of plain text), at most {@code maxChars} characters, cut at a word. */
    static String plain(String html, int maxChars) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text;
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            text = html.strip().replaceAll("\\s+", " ");
        } else {
            Document document = Jsoup.parseBodyFragment(html);
            document.select("script, style, noscript, template, iframe, object, embed, svg, math").remove();
            text = document.body().text();
        }
        return shorten(withoutControls(text), maxChars);
    }

    /** Drops control and format characters (bidi overrides, zero-width joiners used to hide text) but keeps text. */
    private static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                    && type != Character.UNASSIGNED) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).strip() + "…";
    }
}
