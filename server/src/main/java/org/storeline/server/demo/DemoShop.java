package org.storeline.server.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.catalog.Product;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.register.Register;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;
import org.storeline.core.user.User;
import org.storeline.core.user.UserService;
import org.storeline.server.Wiring;

/**
 * The demo's shop, made once through the same use cases as the API (three outlets with their time zones and
 * languages, registers, payment types, 60 products with their stock, a user of each role) and found again on later
 * runs: the data directory keeps it, and {@code demo.properties} there remembers the demo admin it acts as.
 */
final class DemoShop {
    static final String WEB_REGISTER = "Web shop";
    private static final String STATE_FILE = "demo.properties";

    /** A user the demo made, and the password printed for it. */
    record Login(String email, String password, String role, String outlets) {}

    static final List<Login> LOGINS = List.of(
            new Login("ann@demo.storeline.example", "demo-admin-pass", "admin", "every outlet"),
            new Login("marc@demo.storeline.example", "demo-manager-pass", "manager", "Brussels, Antwerp"),
            new Login("sofie@demo.storeline.example", "demo-staff-pass", "staff", "Antwerp"),
            new Login("julien@demo.storeline.example", "demo-staff-pass", "staff", "Lille"));

    private record OutletSpec(String name, String timeZone, String language) {}

    private static final List<OutletSpec> OUTLETS = List.of(
            new OutletSpec("Brussels", "Europe/Brussels", "fr"),
            new OutletSpec("Antwerp", "Europe/Brussels", "nl"),
            new OutletSpec("Lille", "Europe/Paris", "fr"));

    final Actor admin;
    final Map<String, UUID> outlets;
    final UUID webRegister;

    private DemoShop(Actor admin, Map<String, UUID> outlets, UUID webRegister) {
        this.admin = admin;
        this.outlets = outlets;
        this.webRegister = webRegister;
    }

    /** The shop of this data directory: made now when it has none yet. */
    static DemoShop openOrSeed(Wiring wiring, Path dataDir) {
        Path state = dataDir.resolve(STATE_FILE);
        if (Files.exists(state)) {
            Actor admin = new Actor(UUID.fromString(read(state).getProperty("admin")), "Ann", Role.ADMIN, Set.of());
            Map<String, UUID> outlets = new LinkedHashMap<>();
            wiring.outlets().list(admin).forEach(o -> outlets.put(o.name(), o.id()));
            UUID register = wiring.registers().list(admin).stream()
                    .filter(r -> r.name().equals(WEB_REGISTER))
                    .map(Register::id)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "The demo shop has no " + WEB_REGISTER + " register: start again with --reset"));
            return new DemoShop(admin, outlets, register);
        }
        DemoShop shop = seed(wiring);
        Properties properties = new Properties();
        properties.setProperty("admin", shop.admin.userId().toString());
        try (Writer out = Files.newBufferedWriter(state)) {
            properties.store(out, "Storeline demo: the demo admin the demo acts as");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shop;
    }

    private static DemoShop seed(Wiring wiring) {
        // Only to make the first admin: creating a user records nobody as its author.
        Actor bootstrap = new Actor(new UUID(0, 0), "demo", Role.ADMIN, Set.of());
        Login first = LOGINS.get(0);
        User ann = wiring.users()
                .create(
                        bootstrap,
                        new UserService.NewUser(
                                "Ann (admin)", first.email(), Optional.of(first.password()), Role.ADMIN, List.of()));
        Actor admin = new Actor(ann.id(), ann.name(), Role.ADMIN, Set.of());
        Map<String, UUID> outlets = new LinkedHashMap<>();
        for (OutletSpec spec : OUTLETS) {
            Outlet outlet = wiring.outlets().create(admin, spec.name(), spec.timeZone(), Optional.of(spec.language()));
            outlets.put(outlet.name(), outlet.id());
            wiring.registers().create(admin, outlet.id(), "Counter " + spec.name());
        }
        UUID webRegister = wiring.registers()
                .create(admin, outlets.get("Brussels"), WEB_REGISTER)
                .id();
        users(wiring, admin, outlets);
        wiring.paymentTypes().create(admin, "Cash", PaymentKind.CASH, Optional.empty());
        wiring.paymentTypes().create(admin, "Card", PaymentKind.CARD, Optional.empty());
        wiring.paymentTypes().create(admin, "Bank deposit", PaymentKind.BANK_DEPOSIT, Optional.empty());
        wiring.paymentTypes().create(admin, "Mollie", PaymentKind.INTEGRATED, Optional.of("Mollie"));
        List<UUID> outletOrder = List.copyOf(outlets.values());
        for (DemoCatalog.Item item : DemoCatalog.items()) {
            Product product = wiring.catalog()
                    .create(
                            admin,
                            new CatalogService.NewProduct(
                                    item.sku(),
                                    item.name(),
                                    item.price().toPlainString(),
                                    "EUR",
                                    Optional.of("0.21"),
                                    List.of(item.barcode())));
            for (int i = 0; i < outletOrder.size(); i++) {
                wiring.stock().setLevel(admin, product.id(), outletOrder.get(i), item.stock()[i]);
            }
        }
        return new DemoShop(admin, outlets, webRegister);
    }

    private static void users(Wiring wiring, Actor admin, Map<String, UUID> outlets) {
        for (Login login : LOGINS.subList(1, LOGINS.size())) {
            List<UUID> theirs = new ArrayList<>();
            for (String name : login.outlets().split(", ")) {
                theirs.add(outlets.get(name));
            }
            String name = login.email().substring(0, 1).toUpperCase()
                    + login.email().substring(1, login.email().indexOf('@')) + " (" + login.role() + ")";
            wiring.users()
                    .create(
                            admin,
                            new UserService.NewUser(
                                    name,
                                    login.email(),
                                    Optional.of(login.password()),
                                    Role.fromWire(login.role()),
                                    theirs));
        }
    }

    /** Every product with its stock summed over the outlets (what a channel of all three outlets shows), by SKU. */
    Map<String, ProductStock> products(Wiring wiring) {
        Map<String, ProductStock> products = new LinkedHashMap<>();
        Optional<UUID> after = Optional.empty();
        do {
            var page = wiring.catalog().list(new PageRequest(200, after));
            for (Product product : page.items()) {
                if (!product.sku().startsWith("SL-")) {
                    continue; // the shipping fee product, not sold in the stores
                }
                long total = wiring.stock().levels(admin, product.id()).stream()
                        .mapToLong(StockLevel::quantity)
                        .sum();
                products.put(product.sku(), new ProductStock(product, Math.max(0, total)));
            }
            after = page.next();
        } while (after.isPresent());
        return products;
    }

    record ProductStock(Product product, long stock) {}

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
