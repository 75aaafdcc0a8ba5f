package org.storeline.server;

import org.storeline.server.demo.DemoMode;

/** What {@code ./storeline demo} prints once it runs: where to look, who to sign in as, what to try first. */
final class DemoWelcome {
    private DemoWelcome() {}

    static void print(int port, double ordersPerMinute) {
        String base = "http://localhost:" + port;
        System.out.println(
                "This is the demo: a shop with three outlets (Brussels, Antwerp, Lille), 60 products and five");
        System.out.println(
                ordersPerMinute > 0
                        ? "simulated online stores whose customers place about " + format(ordersPerMinute)
                                + " orders a minute."
                        : "simulated online stores, where no order comes on its own (--orders-per-minute 0): "
                                + "place them on /demo.");
        System.out.println();
        System.out.println("  staff app:         " + base + "/login");
        System.out.println("  simulated stores:  " + base + "/demo");
        System.out.println();
        System.out.println("Sign in as (password after the slash):");
        for (DemoMode.Login login : DemoMode.logins()) {
            System.out.printf(
                    "  %-32s / %-18s %s, %s%n", login.email(), login.password(), login.role(), login.outlets());
        }
        System.out.println();
        System.out.println("Try first:");
        System.out.println("  1. Open " + base + "/demo beside " + base + "/fulfillments (signed in as ann@...):");
        System.out.println("     online orders arrive as fulfillments within seconds, some split over two outlets.");
        System.out.println("  2. Pack and ship one: its store shows it shipped, in its own platform's words.");
        System.out.println("  3. On /demo, take a store offline for a minute, then watch it catch up when it is back.");
        System.out.println("  4. Mark an Ecwid order paid or cancel it there: the sale follows.");
        System.out.println("Ctrl-C stops the demo; the shop stays in its data directory (--reset starts again).");
        System.out.println();
    }

    private static String format(double perMinute) {
        return perMinute == Math.rint(perMinute) ? Long.toString((long) perMinute) : Double.toString(perMinute);
    }
}
