package org.storeline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code --explain true}: PostgreSQL's plan and timing ({@code EXPLAIN (ANALYZE, BUFFERS)}) of the query the
 * Fulfillments page's list runs for each measured variant, written as the repository writes it for a staff user
 * (the outlet asked for, and the outlets the user may see), to show where a slow list spends its time.
 */
final class ListPlans {
    private ListPlans() {}

    /**
     * The plans at {@code outlet}, and the default list's at {@code small} (an outlet with few open fulfillments) and
     * at {@code none} (an outlet with a history of them and none open).
     */
    static void print(DataSource db, UUID outlet, UUID small, UUID none) throws SQLException {
        String open = "status in ('new', 'in_progress', 'packed')";
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("default", open);
        variants.put("status=packed", "status in ('packed')");
        variants.put("type=pickup", open + " and type = 'pickup'");
        variants.put("status=new,in_progress&type=delivery", "status in ('new', 'in_progress') and type = 'delivery'");
        try (Connection c = db.getConnection()) {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                plan(c, "list " + variant.getKey(), variant.getValue(), outlet);
            }
            plan(c, "list default at an outlet with few open fulfillments", open, small);
            plan(c, "list default at an outlet with none open", open, none);
        }
    }

    private static void plan(Connection c, String label, String condition, UUID outlet) throws SQLException {
        String sql = "explain (analyze, buffers) select * from fulfillment where outlet_id = ? and " + condition
                + " and outlet_id in (?) order by id asc limit 51";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, outlet);
            ps.setObject(2, outlet);
            try (ResultSet rs = ps.executeQuery()) {
                System.out.printf("explain, %s:%n", label);
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }
}
