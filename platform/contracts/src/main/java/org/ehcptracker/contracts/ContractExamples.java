package org.ehcptracker.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The checked-in example JSON of every published event type, shipped in this jar so each
 * producer's tests can check it writes them and each consumer's tests can check it reads them.
 * Examples live at {@code contracts/examples/<family>/<Type>.json}, where family is the event
 * package (assessment, advice, plan).
 */
public final class ContractExamples {

    private static final String ROOT = "contracts/examples/";
    private static final EventJson EVENT_JSON = new EventJson();

    private ContractExamples() {
    }

    /** Types that have an example on the classpath; this module's tests require all known types. */
    public static Set<String> types() {
        Set<String> found = new LinkedHashSet<>();
        for (String type : EventJson.knownTypes()) {
            if (loader().getResource(resourcePath(type)) != null) {
                found.add(type);
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /** The example JSON for a type, exactly as checked in. */
    public static String json(String type) {
        String path = resourcePath(type);
        try (InputStream in = loader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no example for " + type + " at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The example for a type, read as an event. */
    public static IntegrationEvent event(String type) {
        return EVENT_JSON.read(json(type));
    }

    /** Classpath location of a type's example; throws {@link UnknownEventTypeException} for unknown types. */
    public static String resourcePath(String type) {
        String pkg = EventJson.classOf(type).getPackageName();
        return ROOT + pkg.substring(pkg.lastIndexOf('.') + 1) + "/" + type + ".json";
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ContractExamples.class.getClassLoader();
    }
}
