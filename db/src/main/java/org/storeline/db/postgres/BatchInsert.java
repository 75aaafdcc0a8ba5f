package org.storeline.db.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * Many rows into one table in one statement, for the append-only tables an import batch writes.
 *
 * <p>A few rows go as one prepared INSERT with a bind per row (the driver sends multi-row INSERTs,
 * {@code reWriteBatchedInserts}). From {@link #COPY_FROM_ROWS} rows on they go as {@code COPY ... FROM
 * STDIN}: PostgreSQL then inserts them many to a page and extends the table many pages at a time with
 * {@code posix_fallocate}, instead of writing one zeroed page into the OS cache per page it adds. Those zeroed
 * pages were most of what the kernel wrote back in bursts under load, and each burst stalled the WAL syncs
 * the webhook acknowledgements wait for (docs/BENCHMARKS.md). COPY also skips the parsing and planning of a
 * multi-row INSERT. Constraints and foreign keys are checked the same way by both.
 */
public final class BatchInsert {
    static final int COPY_FROM_ROWS = 16;

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
            throw new IllegalArgumentException(
                    "Expected " + fields.size() + " values for " + table.getName() + ", got " + values.length);
        }
        rows.add(values);
        return this;
    }

    public void execute() {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() >= COPY_FROM_ROWS) {
            copy();
        } else {
            insert();
        }
    }

    private void insert() {
        Object[] placeholders = new Object[fields.size()];
        BatchBindStep batch = dsl.batch(dsl.insertInto(table).columns(fields).values(placeholders));
        for (Object[] row : rows) {
            batch = batch.bind(row);
        }
        batch.execute();
    }

    /** Runs on the connection of the calling thread's transaction, like every other statement here. */
    private void copy() {
        String sql = "COPY " + dsl.render(table) + " ("
                + fields.stream().map(f -> dsl.render(DSL.name(f.getName()))).collect(Collectors.joining(", "))
                + ") FROM STDIN WITH (FORMAT csv)";
        // Bytes, not a Reader: the driver encodes a Reader in chunks of 65,536 characters and would break a
        // character made of two (an emoji) that straddles two chunks.
        byte[] data = CsvRows.of(rows).getBytes(StandardCharsets.UTF_8);
        dsl.connection(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data));
            } catch (SQLException e) {
                throw new DataAccessException("COPY into " + table.getName() + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
