package org.storeline.web.app.register;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/**
 * One register: its state, the form that opens it (with a float) or closes it (with the cash counted), if the user may
 * operate registers, the outcome of the last action, and the closure reports of its past periods.
 */
public record RegisterPage(
        Shell shell,
        RegisterRow register,
        String outletName,
        boolean canOperate,
        String currency,
        Optional<String> error,
        Optional<String> done,
        List<ClosureRow> closures) {

    /** A past period in the list: when it ran, the cash expected and counted, and the difference in words. */
    public record ClosureRow(
            String url, String opened, String closed, String expected, String counted, Difference diff) {}
}
