package org.campusmirror.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback that counts the bytes going each way, put between a peer that tells no byte counts
 * (python-websockets, Chromium) and our server, so a test can see whether messages crossed the wire
 * compressed. It passes bytes on unchanged. Closing it closes every socket and ends its threads.
 */
final class CountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicLong toServer = new AtomicLong();
    private final AtomicLong toClient = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private CountingRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        start("relay-accept", this::accept);
    }

    /** Relays connections to {@code port} on loopback. */
    static CountingRelay to(int port) throws IOException {
        return new CountingRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes the clients sent (upgrade requests included). */
    long bytesToServer() {
        return toServer.get();
    }

    /** Bytes the server sent (upgrade responses included). */
    long bytesToClient() {
        return toClient.get();
    }

    private void accept() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                start("relay-up", () -> copy(client, server, toServer));
                start("relay-down", () -> copy(server, client, toClient));
            }
        } catch (IOException closed) {
            // the listener was closed: no more connections
        }
    }

    /** Copies until end of stream, then half-closes; the sockets stay open for the other direction. */
    private static void copy(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[64 << 10];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                counter.addAndGet(n);
            }
            to.shutdownOutput();
        } catch (IOException gone) {
            // one side went away or the relay closed: end this direction; close() frees the sockets
        }
    }

    private void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        for (Thread thread : all) {
            thread.join(5_000);
        }
    }
}
