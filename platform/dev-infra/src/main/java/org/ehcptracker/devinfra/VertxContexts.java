package org.ehcptracker.devinfra;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * For {@code @QuarkusTest}s that call Hibernate Reactive code directly: it runs only on a Vert.x context,
 * and each concurrent piece of work needs its own (as each HTTP request and each Kafka record gets one),
 * or they would share one session.
 */
public final class VertxContexts {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private VertxContexts() {
    }

    /** Subscribes to {@code work} on a new duplicated context of the running app; completes with its item. */
    public static <T> CompletableFuture<T> onNewContext(Supplier<Uni<T>> work) {
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
