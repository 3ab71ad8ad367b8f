package org.campusmirror.mirror.runtime.internal.input;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.library.gpiod.internal.GpioDContext;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pi4J context of the mirror, built with explicit providers (inside OSGi, Pi4J's ServiceLoader finds none): the
 * gpiod provider where {@link GpioProbe} sees GPIO and it starts, else the mock provider, with one log line naming
 * why. Nothing here throws for lack of GPIO. Pi4J's own debounce is off: {@link Debouncer} does it the same way
 * for every provider.
 */
final class Pi4jInputs implements GpioInputs, AutoCloseable {
    static final String MOCK_LINE = "GPIO: Pi4J mock provider";
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jInputs.class);

    private final Context context;
    private final String providerId;
    private final boolean simulated;
    private final IntConsumer releaseLine;
    private final Map<Integer, String> owners = new HashMap<>();

    private Pi4jInputs(Context context, String providerId, boolean simulated, IntConsumer releaseLine) {
        this.context = context;
        this.providerId = providerId;
        this.simulated = simulated;
        this.releaseLine = releaseLine;
    }

    /** The gpiod provider when this machine has GPIO, else the mock one; logs which and why. */
    static Pi4jInputs start(String osArch, Path devDir) {
        Optional<String> whyNot = GpioProbe.whyNoGpiod(osArch, devDir);
        if (whyNot.isPresent()) {
            LOG.info("{}, no GPIO chip found: {}. Buttons and the motion sensor stay idle", MOCK_LINE, whyNot.get());
            return mock();
        }
        try {
            if (!BoardInfoHelper.runningOnRaspberryPi()) {
                LOG.warn("{}: Pi4J does not recognise this board as a Raspberry Pi. Buttons and the motion sensor "
                        + "stay idle", MOCK_LINE);
                return mock();
            }
            Pi4jInputs gpiod = gpiod();
            LOG.info("GPIO: Pi4J gpiod provider on a {}", BoardInfoHelper.current().getBoardModel().getLabel());
            return gpiod;
        } catch (RuntimeException | LinkageError e) {
            // A native library that does not load, or no chip labelled "pinctrl": the mirror goes on without GPIO.
            LOG.warn("{}: the gpiod provider failed ({}). Buttons and the motion sensor stay idle", MOCK_LINE,
                    e.toString());
            return mock();
        }
    }

    /** A context with Pi4J's mock platform and digital input provider. */
    static Pi4jInputs mock() {
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance()).build();
        return new Pi4jInputs(context, MockDigitalInputProvider.ID, true, bcm -> { });
    }

    private static Pi4jInputs gpiod() {
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(GpioDDigitalInputProvider.newInstance()).build();
        return new Pi4jInputs(context, GpioDDigitalInputProvider.ID, false, Pi4jInputs::releaseGpiodLine);
    }

    // Pi4J 2.8.0 shuts a gpiod input down without releasing its kernel line, so the same pin could not be requested
    // again (EBUSY) when a button's configuration changes.
    private static void releaseGpiodLine(int bcm) {
        GpioDContext gpiod = GpioDContext.getInstance();
        gpiod.closeLine(gpiod.getOrOpenLine(bcm));
    }

    /** The Pi4J context: tests reach the mock inputs through its registry. */
    Context context() {
        return context;
    }

    static String ioId(int bcm) {
        return "bcm" + bcm;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public synchronized PinInput open(String owner, PinSettings pin, Consumer<Boolean> activeChanged)
            throws PinUnavailableException {
        String holder = owners.get(pin.bcm());
        if (holder != null) {
            throw new PinUnavailableException("BCM " + pin.bcm() + " is already used by " + holder, null);
        }
        DigitalInput input;
        try {
            input = context.create(DigitalInput.newConfigBuilder(context).id(ioId(pin.bcm())).name(owner)
                    .address(pin.bcm()).pull(pin.pull().pi4j()).debounce(0L).provider(providerId).build());
        } catch (RuntimeException e) {
            throw new PinUnavailableException("BCM " + pin.bcm() + " cannot be opened for " + owner + ": " + e, e);
        }
        owners.put(pin.bcm(), owner);
        DigitalStateChangeListener listener =
                event -> activeChanged.accept(pin.activeLevel().isActive(event.state()));
        input.addListener(listener);
        return () -> {
            input.removeListener(listener);
            release(pin.bcm());
        };
    }

    private synchronized void release(int bcm) {
        if (owners.remove(bcm) == null) {
            return;
        }
        try {
            context.shutdown(ioId(bcm));
            releaseLine.accept(bcm);
        } catch (RuntimeException e) {
            LOG.warn("Closing GPIO BCM {} failed: {}", bcm, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Shutting Pi4J down failed: {}", e.toString());
        }
        owners.clear();
    }
}
