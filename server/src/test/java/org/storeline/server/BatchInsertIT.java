package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.server.support.TestStoreline;

/**
 * BatchInsert writes small batches as a multi-row INSERT and large ones with COPY: whichever way, what is read
 * back is exactly what was given, texts that CSV must quote included.
 */
class BatchInsertIT {
    private static final String[] AWKWARD_TEXTS = {
        "",
        "plain",
        "comma, inside",
        "quote \" inside",
        "\"\"",
        "line\nbreak",
        "carriage\r\nreturn",
        "back\\slash \\N",
        "NULL",
        "émoji 🛒 ünïcode",
        "  spaces  ",
        ","
    };

    private final DSLContext dsl = DSL.using(TestStoreline.instance().dataSource(), SQLDialect.POSTGRES);
    private final Table<Record> table = DSL.table(
            DSL.name("batch_insert_probe_" + UUID.randomUUID().toString().replace("-", "")));
    private final Field<UUID> id = DSL.field(DSL.name("id"), SQLDataType.UUID);
    private final Field<String> text = DSL.field(DSL.name("text"), SQLDataType.VARCHAR);
    private final Field<Integer> position = DSL.field(DSL.name("position"), SQLDataType.INTEGER);
    private final Field<Long> quantity = DSL.field(DSL.name("quantity"), SQLDataType.BIGINT);
    private final Field<BigDecimal> amount = DSL.field(DSL.name("amount"), SQLDataType.NUMERIC(19, 4));
    private final Field<Boolean> flag = DSL.field(DSL.name("flag"), SQLDataType.BOOLEAN);
    private final Field<OffsetDateTime> at = DSL.field(DSL.name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    @BeforeEach
    void createTable() {
        dsl.execute("create table " + dsl.render(table)
                + " (id uuid primary key, text varchar, position integer, quantity bigint not null, "
                + "amount numeric(19,4), flag boolean, at timestamptz)");
    }

    @AfterEach
    void dropTable() {
        dsl.execute("drop table " + dsl.render(table));
    }

    @Test
    void aLargeBatchGoesInByCopyAndReadsBackExactlyAsGiven() {
        List<Object[]> rows = rows(40);
        insert(rows);
        assertThat(readBack()).containsExactlyElementsOf(expected(rows));
    }

    /**
     * A text longer than the driver's chunks of 65,536 characters, full of characters made of two (emoji), in
     * two batches whose lengths differ by one: in one of them a pair straddles the chunk boundary.
     */
    @Test
    void emojiAcrossTheDriversChunkBoundaryArriveWhole() {
        for (String lead : List.of("a".repeat(65_400), "a".repeat(65_401))) {
            List<Object[]> rows = rows(20);
            rows.get(0)[1] = lead + "🛒".repeat(100);
            insert(rows);
            assertThat(readBack()).containsExactlyElementsOf(expected(rows));
            dsl.deleteFrom(table).execute();
        }
    }

    @Test
    void aSmallBatchGoesInByInsertAndReadsBackExactlyAsGiven() {
        List<Object[]> rows = rows(5);
        insert(rows);
        assertThat(readBack()).containsExactlyElementsOf(expected(rows));
    }

    @Test
    void aRowBreakingAConstraintFailsTheWholeCopyWithPostgresqlsCode() {
        List<Object[]> rows = rows(40);
        rows.get(30)[3] = null;

        assertThatThrownBy(() -> insert(rows))
                .isInstanceOfSatisfying(
                        DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23502"));
        assertThat(readBack()).isEmpty();
    }

    private void insert(List<Object[]> rows) {
        BatchInsert batch = BatchInsert.into(dsl, table, id, text, position, quantity, amount, flag, at);
        rows.forEach(batch::row);
        batch.execute();
    }

    /**
     * Every awkward text, a null in each nullable column in turn (not the position, which orders them), amounts of
     * every scale, times in other zones.
     */
    private List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] row = {
                UUID.randomUUID(),
                AWKWARD_TEXTS[i % AWKWARD_TEXTS.length],
                i,
                1L << 40 | i,
                new BigDecimal(i % 2 == 0 ? "1E+3" : "-12.3456").add(BigDecimal.valueOf(i)),
                i % 3 == 0,
                OffsetDateTime.of(2026, 11, 22, 23, 59, 59, 123_456_000, ZoneOffset.ofHours(i % 5 - 2))
            };
            int nulled = i % 7;
            if (nulled == 1 || nulled >= 4) {
                row[nulled] = null;
            }
            rows.add(row);
        }
        return rows;
    }

    private List<List<Object>> expected(List<Object[]> rows) {
        return rows.stream()
                .map(r -> List.<Object>of(
                        String.valueOf(r[0]),
                        String.valueOf(r[1]),
                        String.valueOf(r[2]),
                        String.valueOf(r[3]),
                        r[4] == null ? "null" : ((BigDecimal) r[4]).setScale(4).toPlainString(),
                        String.valueOf(r[5]),
                        r[6] == null
                                ? "null"
                                : ((OffsetDateTime) r[6]).toInstant().toString()))
                .toList();
    }

    private List<List<Object>> readBack() {
        return dsl.select(id, text, position, quantity, amount, flag, at)
                .from(table)
                .orderBy(position)
                .fetch(r -> List.<Object>of(
                        String.valueOf(r.value1()),
                        String.valueOf(r.value2()),
                        String.valueOf(r.value3()),
                        String.valueOf(r.value4()),
                        r.value5() == null ? "null" : r.value5().toPlainString(),
                        String.valueOf(r.value6()),
                        r.value7() == null ? "null" : r.value7().toInstant().toString()));
    }
}
