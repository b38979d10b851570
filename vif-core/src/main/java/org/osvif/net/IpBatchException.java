package org.osvif.net;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;

/**
 * A step of an {@link IpBatch} failed: names the step, its device and the kernel's message,
 * and (through {@link #command()}, {@link #exitCode()}, {@link #stderr()}) the process that
 * ran it. By the time it is thrown, the devices the batch's earlier steps created have been
 * deleted again.
 */
public class IpBatchException extends CommandFailedException {
    private static final long serialVersionUID = 1L;
    /** What the step does. */
    private final String step;
    /** The device it acts on. */
    private final String device;
    /** Its line in the batch, 1-based; 0 when ip did not say which line failed. */
    private final int line;
    /** What the kernel (or ip) said. */
    private final String kernelMessage;

    /**
     * @param command the process that ran the step (the batch, or the step on its own)
     * @param exitCode its exit code
     * @param stdout what it printed
     * @param stderr what it printed on standard error
     * @param step what the step does, e.g. {@code create veth pair qvb1/qvo1 (ip link add ...)}
     * @param device the device it acts on
     * @param line its line in the batch, 1-based, or 0 when unknown
     * @param kernelMessage the message for that line
     * @param cause the underlying failure, or null
     */
    public IpBatchException(Command command, int exitCode, String stdout, String stderr, String step, String device,
            int line, String kernelMessage, Throwable cause) {
        super(command, exitCode, stdout, stderr, "Step '" + step + "' failed on device " + device
                + (line > 0 ? " (line " + line + " of the ip batch)" : "") + ": "
                + (kernelMessage == null || kernelMessage.isBlank() ? "exit code " + exitCode : kernelMessage),
                cause);
        this.step = step;
        this.device = device;
        this.line = line;
        this.kernelMessage = kernelMessage == null ? "" : kernelMessage;
    }

    /** @return what the failed step does, with its ip arguments */
    public String step() {
        return step;
    }

    /** @return the device the step acts on */
    public String device() {
        return device;
    }

    /** @return the step's line in the batch (1-based), or 0 when ip did not say */
    public int line() {
        return line;
    }

    /** @return the kernel's (or ip's) message for the step */
    public String kernelMessage() {
        return kernelMessage;
    }
}
