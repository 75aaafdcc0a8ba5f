package org.storeline.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;

/** The domain events of one sale, read from the test server's outbox the way a reader would: after a position. */
public final class Outbox {
    private static final Set<String> IMPORT_EVENTS =
            Set.of(DomainEvent.FULFILLMENT_CREATED, DomainEvent.NOTIFICATION_RAISED);

    private Outbox() {}

    public static List<DomainEvent> eventsOf(String saleId) {
        DomainEvents outbox = TestStoreline.instance().wiring().domainEvents();
        List<DomainEvent> found = new ArrayList<>();
        long position = 0;
        List<DomainEvents.Stored> page;
        do {
            page = outbox.after(position, 500);
            for (DomainEvents.Stored stored : page) {
                if (stored.event().saleId().toString().equals(saleId)) {
                    found.add(stored.event());
                }
                position = stored.position();
            }
        } while (!page.isEmpty());
        return found;
    }

    /** The sale's events after its import: without the import's {@code fulfillment.created} and notifications. */
    public static List<DomainEvent> eventsSinceImportOf(String saleId) {
        return eventsOf(saleId).stream()
                .filter(e -> !IMPORT_EVENTS.contains(e.type()))
                .toList();
    }
}
