package org.campusmirror.mirror.runtime.internal.widgets;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.campusmirror.mirror.runtime.internal.json.UnsupportedDataException;
import org.campusmirror.mirror.runtime.internal.json.ViewModelJson;
import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;

/**
 * One call of {@link Widget#refresh}, on a refresh thread: the call, the JSON of its result, and the classification
 * of whatever it threw. Messages are one line, never a stack trace (they go onto the display).
 */
final class WidgetRefresh implements RefreshScheduler.Job {
    /** A view model bigger than this is refused: every display gets it, and the cache keeps it. */
    static final int MAX_JSON_CHARS = 256 * 1024;
    static final int MAX_MESSAGE = 300;

    private final Widget widget;
    private final Function<BooleanSupplier, RefreshContext> contexts;

    /** @param contexts makes the context of one call from its cancelled flag */
    WidgetRefresh(Widget widget, Function<BooleanSupplier, RefreshContext> contexts) {
        this.widget = widget;
        this.contexts = contexts;
    }

    @Override
    public RefreshOutcome run(BooleanSupplier cancelled) {
        ViewModel model;
        try {
            model = widget.refresh(contexts.apply(cancelled));
        } catch (WidgetConfigurationException e) {
            return new RefreshOutcome.Misconfigured(oneLine(e.getMessage(), e));
        } catch (IOException e) {
            return new RefreshOutcome.Unavailable(oneLine(describe(e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RefreshOutcome.Unavailable("interrupted");
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
            // LinkageError: the widget's bundle went away mid-call. A bug of the widget's is shown, not rethrown.
            return new RefreshOutcome.Failed(oneLine(describe(e), e));
        }
        if (model == null) {
            return new RefreshOutcome.Failed("refresh returned no view model (null)");
        }
        try {
            return new RefreshOutcome.Fresh(model, ViewModelJson.encode(model.data(), MAX_JSON_CHARS));
        } catch (UnsupportedDataException e) {
            return new RefreshOutcome.Failed("view model refused: " + oneLine(e.getMessage(), e));
        }
    }

    /** {@code SimpleName: message}, the way an admin reads an error. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName().isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    static String oneLine(String message, Throwable fallback) {
        String text = message == null || message.isBlank() ? describe(fallback) : message;
        text = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        text = ViewModelJson.wellFormed(text);
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text;
    }
}
