package org.storeline.db.postgres;

import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Many rows into one table with one prepared statement: the INSERT is rendered once and every row is a
 * bind, which the driver sends as multi-row INSERTs ({@code reWriteBatchedInserts}). jOOQ's record batches
 * render one statement per row, which cost more CPU than the database spent on an import batch.
 */
public final class BatchInsert {
    private final DSLContext dsl;
    private final Table<?> table;
    private final List<Field<?>> fields;
    private final List<Object[]> rows = new ArrayList<>();

    private BatchInsert(DSLContext dsl, Table<?> table, List<Field<?>> fields) {
        this.dsl = dsl;
        this.table = table;
        this.fields = fields;
    }

    public static BatchInsert into(DSLContext dsl, Table<?> table, Field<?>... fields) {
        return new BatchInsert(dsl, table, List.of(fields));
    }

    /** Adds a row: one value per field, in the fields' order. */
    public BatchInsert row(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("Expected " + fields.size() + " values for " + table.getName() + ", got " + values.length);
        }
        rows.add(values);
        return this;
    }

    public void execute() {
        if (rows.isEmpty()) {
            return;
        }
        Object[] placeholders = new Object[fields.size()];
        BatchBindStep batch = dsl.batch(dsl.insertInto(table).columns(fields).values(placeholders));
        for (Object[] row : rows) {
            batch = batch.bind(row);
        }
        batch.execute();
    }
}
