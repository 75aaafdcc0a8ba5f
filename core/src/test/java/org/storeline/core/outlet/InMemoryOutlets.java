package org.storeline.core.outlet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Outlets in a map, for the use cases' tests; receipt numbers are not kept. */
public final class InMemoryOutlets implements OutletRepository {
    private final Map<UUID, Outlet> outlets = new LinkedHashMap<>();

    /** An outlet of this name in this time zone (an IANA id), speaking English. */
    public Outlet add(String name, String zone) {
        return insert(UUID.randomUUID(), name, ZoneId.of(zone), Instant.EPOCH);
    }

    @Override
    public Outlet insert(UUID id, String name, ZoneId timeZone, Language language, Instant createdAt) {
        Outlet outlet = new Outlet(id, outlets.size() + 1, name, timeZone, language, createdAt);
        outlets.put(id, outlet);
        return outlet;
    }

    @Override
    public void update(Outlet outlet) {
        outlets.put(outlet.id(), outlet);
    }

    @Override
    public Optional<Outlet> findById(UUID id) {
        return Optional.ofNullable(outlets.get(id));
    }

    @Override
    public List<Outlet> findAll() {
        return List.copyOf(outlets.values());
    }

    @Override
    public String nextReceiptNumber(UUID outletId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> nextReceiptNumbers(UUID outletId, int count) {
        throw new UnsupportedOperationException();
    }
}
