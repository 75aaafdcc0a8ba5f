package org.storeline.web.app.register;

import java.util.List;
import java.util.UUID;
import org.storeline.web.app.view.Shell;

/** The Registers screen: the registers of each outlet the user may see, open or closed. */
public record RegistersPage(Shell shell, List<OutletRegisters> outlets) {

    public record OutletRegisters(UUID id, String name, List<RegisterRow> registers) {}

    public boolean empty() {
        return outlets.stream().allMatch(o -> o.registers().isEmpty());
    }
}
