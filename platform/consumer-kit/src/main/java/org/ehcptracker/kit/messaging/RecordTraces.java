package org.ehcptracker.kit.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.providers.locals.LocalContextMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Each consumer continues the trace of the command whose event it handles (docs/operations.md, "Traces"). The relay
 * writes the command's W3C {@code traceparent} (from the event's metadata) as a Kafka record header; this interceptor
 * (the default one, so it sees every incoming channel) copies it into the record's own Vert.x context, on which the
 * {@code @Incoming} method runs, and {@link IdempotentConsumer#consume} opens its span as a child of it. A record
 * without the header starts a trace of its own.
 */
@ApplicationScoped
public class RecordTraces implements IncomingInterceptor {

    /** The W3C trace context header (https://www.w3.org/TR/trace-context/). */
    public static final String TRACEPARENT = "traceparent";
    static final String LOCAL_KEY = "ehcp.record.traceparent";

    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public RecordTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getHeaders().lastHeader(TRACEPARENT))
                .map(Header::value)
                .ifPresent(value -> message.getMetadata(LocalContextMetadata.class).ifPresent(
                        local -> local.context().putLocal(LOCAL_KEY, new String(value, StandardCharsets.UTF_8))));
        return message;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // nothing to do: the consumer's span ends with its work
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        // as above
    }

    /**
     * {@code work} inside a span {@code "<consumer> process"}, child of the record's {@code traceparent} when it has
     * one; current while the work runs, so the database calls and the log lines (traceId) belong to it.
     */
    <T> Uni<T> traced(String consumer, Supplier<Uni<T>> work) {
        io.vertx.core.Context record = Vertx.currentContext();
        Object traceparent = record == null ? null : record.getLocal(LOCAL_KEY);
        Context parent = traceparent == null ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.toString(), ONE_HEADER);
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(consumer + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("ehcp.consumer", consumer).startSpan();
            Scope scope = parent.with(span).makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = Uni.createFrom().failure(e);
            }
            return running.onItemOrFailure().invoke((item, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                scope.close();
                span.end();
            }).onCancellation().invoke(() -> {
                scope.close();
                span.end();
            });
        });
    }
}
