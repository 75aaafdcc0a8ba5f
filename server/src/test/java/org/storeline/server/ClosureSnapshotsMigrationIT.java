package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.postgres.EmbeddedPostgresServer;

/**
 * Data stored before closure reports were stored: a payment recorded while its register was closed goes to the
 * register's next period (or waits for the next opening), and every period already closed gets its report.
 */
class ClosureSnapshotsMigrationIT {
    private static final String BEFORE = "20261205130000";
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dataDir;

    private final UUID outlet = UUID.randomUUID();
    private final UUID register = UUID.randomUUID();
    private final UUID neverOpened = UUID.randomUUID();
    private final UUID cash = UUID.randomUUID();
    private final UUID stripe = UUID.randomUUID();
    private final UUID monday = UUID.randomUUID();
    private final UUID tuesday = UUID.randomUUID();
    private final UUID wednesday = UUID.randomUUID();

    @Test
    void paymentsRecordedWhileClosedGoToTheNextPeriodAndClosedPeriodsGetTheirReport() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, Map.of("fsync", "off"))) {
            DataSource db = postgres.adminDataSource();
            flyway(db).target(BEFORE).load().migrate();
            setUp(db);
            UUID sold = payment(db, register, cash, "10.00", Instant.parse("2026-11-02T09:00:00Z"), monday);
            UUID refunded = payment(db, register, cash, "-3.00", Instant.parse("2026-11-02T10:00:00Z"), monday);
            UUID overnight = payment(db, register, stripe, "12.10", Instant.parse("2026-11-02T22:00:00Z"), null);
            UUID beforeWednesday = payment(db, register, stripe, "5.00", Instant.parse("2026-11-03T22:00:00Z"), null);
            UUID elsewhere = payment(db, neverOpened, stripe, "7.00", Instant.parse("2026-11-02T22:00:00Z"), null);

            flyway(db).load().migrate();

            assertThat(periodOf(db, sold)).isEqualTo(monday);
            assertThat(periodOf(db, refunded)).isEqualTo(monday);
            assertThat(periodOf(db, overnight)).isEqualTo(tuesday);
            assertThat(periodOf(db, beforeWednesday)).isEqualTo(wednesday);
            assertThat(periodOf(db, elsewhere)).isNull();
            assertThat(period(db, monday)).isEqualTo("107.0000 carried 0");
            assertThat(period(db, tuesday)).isEqualTo("20.0000 carried 1");
            assertThat(period(db, wednesday)).isEqualTo("null carried 1");
            assertThat(totals(db, monday)).containsExactly("Cash cash 2 7.0000 EUR");
            assertThat(totals(db, tuesday)).containsExactly("Stripe integrated 1 12.1000 EUR");
            assertThat(totals(db, wednesday)).isEmpty();
        }
    }

    /** An outlet with a register open on Monday and Tuesday and open again since Wednesday, and one never opened. */
    private void setUp(DataSource db) throws SQLException {
        sql(
                db,
                "insert into outlet (id, number, name, time_zone, created_at) values (?, 1, 'Shop', 'UTC', ?)",
                outlet,
                at(T0));
        for (UUID r : List.of(register, neverOpened)) {
            sql(
                    db,
                    "insert into register (id, outlet_id, name, created_at) values (?, ?, ?, ?)",
                    r,
                    outlet,
                    r.toString(),
                    at(T0));
        }
        sql(
                db,
                "insert into payment_type (id, name, kind, processor, created_at) values (?, 'Cash', 'cash', null, ?),"
                        + " (?, 'Stripe', 'integrated', 'Stripe', ?)",
                cash,
                at(T0),
                stripe,
                at(T0));
        period(db, monday, "2026-11-02T08:00:00Z", "2026-11-02T18:00:00Z", "100.00");
        period(db, tuesday, "2026-11-03T08:00:00Z", "2026-11-03T18:00:00Z", "20.00");
        period(db, wednesday, "2026-11-04T08:00:00Z", null, "0.00");
    }

    private void period(DataSource db, UUID id, String opened, String closed, String openingFloat) throws SQLException {
        sql(
                db,
                "insert into register_period (id, register_id, opened_at, closed_at, currency, opening_float)"
                        + " values (?, ?, ?, ?, 'EUR', ?)",
                id,
                register,
                at(Instant.parse(opened)),
                closed == null ? null : at(Instant.parse(closed)),
                new BigDecimal(openingFloat));
    }

    /** A sale recorded at {@code recorded} with one payment, as the code before this version wrote it. */
    private UUID payment(DataSource db, UUID on, UUID type, String amount, Instant recorded, UUID period)
            throws SQLException {
        UUID sale = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        sql(
                db,
                "insert into sale (id, receipt_number, created_at, outlet_id, register_id, source, status, currency)"
                        + " values (?, ?, ?, ?, ?, 'online', 'open', 'EUR')",
                sale,
                sale.toString(),
                at(recorded),
                outlet,
                on);
        sql(
                db,
                "insert into sale_payment (id, sale_id, payment_type_id, amount, currency, paid_at, register_id,"
                        + " register_period_id) values (?, ?, ?, ?, 'EUR', ?, ?, ?)",
                payment,
                sale,
                type,
                new BigDecimal(amount),
                at(recorded.minusSeconds(600)),
                on,
                period);
        return payment;
    }

    private static UUID periodOf(DataSource db, UUID payment) throws SQLException {
        return (UUID) query(db, "select register_period_id from sale_payment where id = ?", payment)
                .get(0);
    }

    private static String period(DataSource db, UUID id) throws SQLException {
        return (String) query(
                        db,
                        "select coalesce(expected_cash::text, 'null') || ' carried ' || carried_over"
                                + " from register_period where id = ?",
                        id)
                .get(0);
    }

    private static List<String> totals(DataSource db, UUID period) throws SQLException {
        return query(
                        db,
                        "select name || ' ' || kind || ' ' || payment_count || ' ' || total || ' ' || currency"
                                + " from register_closure_total where register_period_id = ? order by name",
                        period)
                .stream()
                .map(String.class::cast)
                .toList();
    }

    private static List<Object> query(DataSource db, String sql, Object parameter) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<Object> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getObject(1));
                }
                return rows;
            }
        }
    }

    private static void sql(DataSource db, String statement, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration");
    }
}
