package org.osvif.plug.ovs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;

/**
 * Records what crosses the OVSDB seam into a real driver (each transaction's commands, each
 * read) and passes it on unchanged, so that tests can compare what the same plug asks of the
 * vsctl and the native driver.
 */
final class SeamRecorder implements Ovsdb {
    private final Ovsdb driver;
    private final List<List<OvsdbCommand>> transactions = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();

    SeamRecorder(Ovsdb driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** @return every transaction handed to the driver, failed or not, in order */
    synchronized List<List<OvsdbCommand>> transactions() {
        return List.copyOf(transactions);
    }

    /** @return every read handed to the driver, in order */
    synchronized List<Read> reads() {
        return List.copyOf(reads);
    }

    @Override
    public void transact(List<OvsdbCommand> commands) {
        synchronized (this) {
            transactions.add(List.copyOf(commands));
        }
        driver.transact(commands);
    }

    @Override
    public Optional<OvsdbValue> get(String table, String record, String column) {
        record(new Read.Get(table, record, column));
        return driver.get(table, record, column);
    }

    @Override
    public List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions, List<String> columns) {
        record(new Read.Find(table, conditions, columns));
        return driver.find(table, conditions, columns);
    }

    @Override
    public boolean bridgeExists(String bridge) {
        record(new Read.BridgeExists(bridge));
        return driver.bridgeExists(bridge);
    }

    @Override
    public boolean portExists(String port) {
        record(new Read.PortExists(port));
        return driver.portExists(port);
    }

    @Override
    public void close() {
        driver.close();
    }

    private synchronized void record(Read read) {
        reads.add(read);
    }
}
