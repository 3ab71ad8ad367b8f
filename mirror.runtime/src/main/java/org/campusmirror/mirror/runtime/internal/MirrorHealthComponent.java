package org.campusmirror.mirror.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.runtime.MirrorHealth;
import org.campusmirror.mirror.runtime.internal.display.DisplayEndpoint;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetRegistry;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@link MirrorHealth} from the widget registry's statuses and the display endpoint's connections. */
@Component(service = MirrorHealth.class)
public final class MirrorHealthComponent implements MirrorHealth {
    private final WidgetRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DisplayEndpoint endpoint;

    @Activate
    public MirrorHealthComponent(@Reference WidgetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health now() {
        return of(registry.statuses(), endpoint == null ? 0 : endpoint.displays().size());
    }

    static Health of(List<WidgetStatus> statuses, int displays) {
        int ok = 0;
        int stale = 0;
        int loading = 0;
        List<String> inError = new ArrayList<>();
        for (WidgetStatus status : statuses) {
            if (!status.activated()) {
                inError.add(status.id());
                continue;
            }
            switch (status.state()) {
                case OK -> ok++;
                case STALE -> stale++;
                case LOADING -> loading++;
                case ERROR -> inError.add(status.id());
            }
        }
        return new Health(ok, stale, inError.size(), loading, displays, inError);
    }
}
