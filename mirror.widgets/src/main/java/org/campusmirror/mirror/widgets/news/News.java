package org.campusmirror.mirror.widgets.news;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;

/**
 * One news tile's work: fetch every feed, read it, merge the headlines. A feed that fails is replaced by its last
 * good headlines (with a note); only when every feed fails without a copy does the refresh fail.
 */
final class News {
    private final NewsSettings settings;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.1";

    private final HttpFetcher http;
    private final Map<URI, Fetched> lastGood = new ConcurrentHashMap<>();

    private record Fetched(NewsFeedReader.Feed feed, Instant at) {
    }

    News(NewsSettings settings, HttpFetcher http) {
        this.settings = settings;
        this.http = http;
    }

    ViewModel refresh(RefreshContext context) throws IOException {
        Instant now = context.clock().instant();
        List<Headline> dated = new ArrayList<>();
        List<Headline> undated = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant asOf = now;
        IOException firstFailure = null;
        int used = 0;
        for (URI uri : settings.feeds()) {
            if (context.cancelled()) {
                throw new InterruptedIOException("news refresh cancelled");
            }
            Fetched fetched;
            try {
                FetchResponse answer = http.fetch(FetchRequest.get(uri).withAccept(ACCEPT)
                        .withMaxBytes(settings.maxBytes()));
                fetched = new Fetched(NewsFeedReader.read(answer.body(), answer.header("Content-Type").orElse(null),
                        settings.maxItems()), now);
                lastGood.put(uri, fetched);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (firstFailure == null) {
                    firstFailure = new IOException(uri + ": " + e.getMessage(), e);
                }
                fetched = lastGood.get(uri);
                if (fetched == null) {
                    notes.add(uri.getHost() + ": " + e.getMessage());
                    continue;
                }
                notes.add(uri.getHost() + ": " + e.getMessage() + "; showing the copy from " + fetched.at());
            }
            if (fetched.feed().capped()) {
                notes.add(uri.getHost() + ": only the first " + settings.maxItems() + " items are shown");
            }
            for (Headline headline : fetched.feed().headlines()) {
                (headline.published() == null ? undated : dated).add(headline);
            }
            asOf = fetched.at().isBefore(asOf) ? fetched.at() : asOf;
            used++;
        }
        if (used == 0) {
            throw firstFailure;
        }
        dated.sort(Comparator.comparing(Headline::published).reversed());
        dated.addAll(undated);
        return new ViewModel(new NewsView(dated, settings.rotateSeconds(), settings.showSummary(), notes), asOf);
    }
}
