package org.ehcptracker.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of PostgreSQL that counts round trips: each time the server answers after the client spoke.
 * The number of round trips per command, not the bytes, is what a client pays on a host where every answer waits
 * for the server's backend process to get a core.
 */
final class RoundTripCounter implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicLong roundTrips = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RoundTripCounter(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    static RoundTripCounter start(int targetPort) throws IOException {
        RoundTripCounter counter = new RoundTripCounter(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        Thread acceptor = new Thread(counter::accept, "round-trip-counter");
        acceptor.setDaemon(true);
        acceptor.start();
        return counter;
    }

    int port() {
        return server.getLocalPort();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                // true while the client spoke last: the next bytes from the server close a round trip
                boolean[] clientSpokeLast = {false};
                pump(client.getInputStream(), upstream.getOutputStream(), () -> clientSpokeLast[0] = true);
                pump(upstream.getInputStream(), client.getOutputStream(), () -> {
                    if (clientSpokeLast[0]) {
                        clientSpokeLast[0] = false;
                        roundTrips.incrementAndGet();
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("round-trip counter: " + e);
                }
            }
        }
    }

    /** Copies {@code in} to {@code out} on a thread of its own, calling {@code onBytes} before each chunk goes out. */
    private static void pump(InputStream in, OutputStream out, Runnable onBytes) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (in; out) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (RoundTripCounter.class) {
                        onBytes.run();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a connection closed by either side ends its pump
            }
        }, "round-trip-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
