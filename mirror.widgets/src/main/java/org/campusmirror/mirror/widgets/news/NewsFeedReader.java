package org.campusmirror.mirror.widgets.news;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome into plain-text headlines.
 *
 * <p>Safe against hostile XML: Rome's SAX builder refuses any DOCTYPE ({@code disallow-doctype-decl}, since
 * {@link SyndFeedInput#setAllowDoctypes} stays false), turns off external general and parameter entities and
 * external DTD loading, and does not expand entities. So an XXE feed cannot read files or make the mirror fetch a
 * URL, and a billion-laughs feed is refused before any expansion.
 *
 * <p>Encodings: the BOM and the XML prolog decide ({@code encoding="ISO-8859-1"}, {@code windows-1252}): they are
 * written by the feed's producer, while the web server's charset is often a blanket default that is wrong for
 * older feeds. Without either, the HTTP charset is used, else UTF-8. (RFC 3023 would let the HTTP charset win and
 * read a bare {@code text/xml} as US-ASCII, which garbles the many feeds served that way.)
 */
final class NewsFeedReader {
    static final int TITLE_CHARS = 200;
    static final int SUMMARY_CHARS = 300;

    private NewsFeedReader() {
    }

    /**
     * @param body        the response body (bounded by the HTTP client)
     * @param contentType the response's Content-Type, or null
     * @param maxItems    at most this many items, the first ones of the feed
     */
    static Feed read(byte[] body, String contentType, int maxItems) throws IOException {
        SyndFeed feed;
        try (Reader reader = reader(body, contentType)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new MalformedFeedException("not an RSS or Atom feed: " + rootCause(e), e);
        }
        String source = FeedText.plain(feed.getTitle(), TITLE_CHARS);
        List<Headline> headlines = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (headlines.size() >= maxItems) {
                break;
            }
            String title = FeedText.plain(entry.getTitle(), TITLE_CHARS);
            String summary = FeedText.plain(summaryHtml(entry), SUMMARY_CHARS);
            if (title.isEmpty() && summary.isEmpty()) {
                continue;
            }
            if (title.isEmpty()) {
                title = FeedText.shorten(summary, TITLE_CHARS);
                summary = "";
            }
            headlines.add(new Headline(title, summary.equals(title) ? "" : summary, source, date(entry)));
        }
        return new Feed(source, headlines, feed.getEntries().size() > maxItems);
    }

    private static Reader reader(byte[] body, String contentType) throws IOException {
        return new XmlReader(new ByteArrayInputStream(body), true, charset(contentType));
    }

    /** The charset parameter of a Content-Type if it names one Java knows, else UTF-8. */
    static String charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    String name = pair[1].strip().replace("\"", "");
                    try {
                        return Charset.forName(name).name();
                    } catch (IllegalArgumentException e) {
                        break; // unknown or malformed: fall back
                    }
                }
            }
        }
        return StandardCharsets.UTF_8.name();
    }

    private static String summaryHtml(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return "";
    }

    /** Published, else updated; null when the feed gives neither (the item keeps its place, undated). */
    private static Instant date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /**
     * @param source    the feed's title, as text
     * @param headlines at most the limit, in feed order
     * @param capped    whether the feed had more items than the limit
     */
    record Feed(String source, List<Headline> headlines, boolean capped) {
    }

    /** The body is not a feed (HTML error page, broken XML, a DOCTYPE, which is refused). */
    static final class MalformedFeedException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
