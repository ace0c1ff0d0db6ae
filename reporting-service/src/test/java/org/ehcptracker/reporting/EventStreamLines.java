package org.ehcptracker.reporting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A Server-Sent Events stream opened with a bearer token, read on a thread of its own: each event's data, in order,
 * for the test to wait on ({@link #next}). Closing it ends the stream.
 */
final class EventStreamLines implements AutoCloseable {

    private final LinkedBlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final AtomicReference<Stream<String>> body = new AtomicReference<>();

    EventStreamLines(URI uri, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            body.set(response.join().body());
            body.get().filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).trim()));
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The next event's data, or null when none came within the tests' patience. */
    String next() throws InterruptedException {
        return data.poll(ReportingServiceTest.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    HttpResponse<Stream<String>> response() {
        return response.join();
    }

    @Override
    public void close() {
        if (body.get() != null) {
            body.get().close();
        }
    }
}
