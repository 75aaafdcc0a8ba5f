package org.storeline.simulators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An order as the store keeps it: the platform's own JSON, changed in place as the order moves on. */
public final class Order {
    public final String id;
    public final String number;
    public final Plan plan;
    final ObjectNode json;
    Instant updatedAt;
    boolean announced;

    Order(String id, String number, Plan plan, ObjectNode json, Instant updatedAt) {
        this.id = id;
        this.number = number;
        this.plan = plan;
        this.json = json;
        this.updatedAt = updatedAt;
    }
}
