package org.osvif.exception;

import java.util.Map;
import org.osvif.objects.VifBase;

/**
 * A plugin failed to plug a VIF (upstream's {@code PlugException}). The cause is
 * the plugin's failure, for example a command that exited non-zero.
 */
public class PlugException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Failed to plug VIF %(vif)s. Got error: %(err)s";
    private final transient VifBase vif;

    /**
     * @param vif the VIF
     * @param cause the plugin's failure
     */
    public PlugException(VifBase vif, Throwable cause) {
        super(format(MSG_FMT, Map.of("vif", String.valueOf(vif), "err", String.valueOf(cause.getMessage()))), cause);
        this.vif = vif;
    }

    /** @return the VIF */
    public VifBase vif() {
        return vif;
    }
}
