package org.osvif.ovsdb;

import java.io.IOException;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.osvif.ovsdb.internal.Link;
import org.osvif.ovsdb.internal.MessageReader;

/**
 * One connection's life: the link and its reader thread, which hands every message to the channel and
 * reports the end (EOF, I/O error, protocol error) exactly once.
 */
final class Session {
    private final Link link;
    private final Thread reader;
    private final long number;
    private final long openedAt = System.nanoTime();

    Session(Link link, long number, String name, int maxMessageBytes, BiConsumer<Session, JsonNode> onMessage,
            BiConsumer<Session, Throwable> onEnd) {
        this.link = link;
        this.number = number;
        this.reader = new Thread(() -> read(maxMessageBytes, onMessage, onEnd), name);
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void read(int maxMessageBytes, BiConsumer<Session, JsonNode> onMessage, BiConsumer<Session, Throwable> onEnd) {
        Throwable end;
        try {
            MessageReader messages = new MessageReader(link.in(), maxMessageBytes);
            for (JsonNode m = messages.next(); m != null; m = messages.next()) {
                onMessage.accept(this, m);
            }
            end = new IOException("the server closed the connection");
        } catch (IOException | RuntimeException e) {
            end = e;
        }
        onEnd.accept(this, end);
    }

    /** Writes one message; called by one thread at a time (the channel's write lock). */
    void write(byte[] message) throws IOException {
        link.out().write(message);
        link.out().flush();
    }

    /** @return System.nanoTime() when the connection was opened */
    long openedAt() {
        return openedAt;
    }

    long number() {
        return number;
    }

    Thread reader() {
        return reader;
    }

    void close() {
        link.close();
    }
}
